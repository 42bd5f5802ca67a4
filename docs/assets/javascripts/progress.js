/* Project Nexus: tick-able checklists whose ticks stay in this browser.
 *
 * A task list inside <div class="nexus-progress" data-progress-key="..."> becomes clickable;
 * each tick is kept in localStorage under that key (per item, by its link or its text), so it
 * survives reloads, works from file:// and needs no network. A button with class
 * "nexus-progress-reset" inside the block clears them. Works with instant navigation. */
(function () {
  "use strict";

  function itemId(item) {
    var link = item.querySelector("a[href]");
    return link ? link.getAttribute("href") : item.textContent.trim().slice(0, 80);
  }

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(key, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      /* Storage can be full or disabled (private mode): ticks then last for this visit. */
    }
  }

  function setUp(block) {
    // The learning path's checklist belongs to the journey store (journey.js).
    if (block.dataset.progressReady || block.querySelector("li[data-step]")) return;
    block.dataset.progressReady = "true";
    var key = "nexus-progress:" + (block.dataset.progressKey || "default");
    var state = load(key);
    var boxes = block.querySelectorAll(".task-list-item input[type=checkbox]");
    var status = block.querySelector(".nexus-progress-status");

    function report() {
      var done = 0;
      boxes.forEach(function (box) { if (box.checked) done += 1; });
      if (status) status.textContent = done + " of " + boxes.length + " steps done";
    }

    boxes.forEach(function (box) {
      var id = itemId(box.closest(".task-list-item"));
      box.disabled = false;
      box.checked = Boolean(state[id]);
      box.setAttribute("aria-label", "Mark as done: " + box.closest(".task-list-item").textContent.trim().slice(0, 60));
      box.addEventListener("change", function () {
        state[id] = box.checked;
        save(key, state);
        report();
      });
    });

    var reset = block.querySelector(".nexus-progress-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        state = {};
        save(key, state);
        boxes.forEach(function (box) { box.checked = false; });
        report();
      });
    }
    report();
  }

  function setUpAll() {
    document.querySelectorAll(".nexus-progress").forEach(setUp);
  }

  // Material's document$ announces every page, instant navigation included; it does not
  // fire for pages opened from file://, so set up once on load as well (setUp is idempotent).
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setUpAll);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
