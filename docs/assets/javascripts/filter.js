/* Project Nexus: narrow a table by tag.
 *
 * Inside <div class="nexus-filter">, the table's last column holds comma-separated tags.
 * This adds one toggle button per tag above the table; pressing one shows only the rows
 * carrying that tag, pressing it again shows all rows. No network, no storage. */
(function () {
  "use strict";

  function tagsOf(row) {
    var cell = row.cells[row.cells.length - 1];
    return cell.textContent.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
  }

  function setUp(block) {
    if (block.dataset.filterReady) return;
    var table = block.querySelector("table");
    if (!table) return;
    block.dataset.filterReady = "true";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var tags = {};
    rows.forEach(function (row) { tagsOf(row).forEach(function (t) { tags[t] = true; }); });

    var bar = document.createElement("div");
    bar.className = "nexus-filter-bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Show only the challenges with this tag");
    var count = document.createElement("p");
    count.className = "nexus-filter-count";
    count.setAttribute("aria-live", "polite");

    function apply(active) {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = !active || tagsOf(row).indexOf(active) !== -1;
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      bar.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.tag === active));
      });
      count.textContent = active
        ? shown + " of " + rows.length + " entries tagged " + active
        : rows.length + " entries";
    }

    Object.keys(tags).sort().forEach(function (tag) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-tag nexus-filter-tag";
      button.dataset.tag = tag;
      button.textContent = tag;
      button.addEventListener("click", function () {
        apply(button.getAttribute("aria-pressed") === "true" ? null : tag);
      });
      bar.appendChild(button);
    });
    block.insertBefore(count, block.firstChild);
    block.insertBefore(bar, block.firstChild);
    apply(null);
  }

  function setUpAll() {
    document.querySelectorAll(".nexus-filter").forEach(setUp);
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
