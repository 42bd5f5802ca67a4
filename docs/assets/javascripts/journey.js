/* Project Nexus: the learner's progress along the learning path, kept in this browser.
 *
 * One store, localStorage "nexus-journey": the steps marked as done and the last step read.
 * Every "Mark as done" button (aria-pressed), the learning-path checklist, the marks in the
 * navigation and the home page's "Continue" read and write it. The knowledge checks keep
 * their answers under mkdocs-quiz's own keys ("quiz_progress_" + the page's path); the
 * learning path shows their scores, and Export/Import carries them, keyed by page, so
 * progress moves between the website, the offline copy and another device.
 *
 * The steps and their addresses in this build come from learning-path-data.js, written by
 * tools/mkdocs_hooks/learning_path.py from the learning path page. No network, no account. */
(function () {
  "use strict";

  var KEY = "nexus-journey";
  var OLD_KEY = "nexus-progress:learning-path"; // the checklist's store before version 1
  var QUIZ_PREFIX = "quiz_progress_"; // mkdocs-quiz 1.7: prefix + location.pathname
  var FORMAT = "nexus-journey";
  var VERSION = 1;
  var MAX_IMPORT_BYTES = 1000000;

  var storageProblem = null; // why the browser keeps nothing, when it does not
  var memory = null; // the state for this visit when storage fails

  function path() {
    return window.nexusPath || { steps: [], quizPages: [], pathPage: "" };
  }

  function siteRoot() {
    var base = ".";
    var config = document.getElementById("__config");
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function address(url) {
    return new URL(url, siteRoot());
  }

  function same(a, b) {
    function key(url) {
      var u = new URL(url, window.location.href);
      return (u.protocol + "//" + u.host + u.pathname).replace(/index\.html$/, "");
    }
    return key(a) === key(b);
  }

  function stepById(id) {
    return path().steps.filter(function (step) { return step.id === id; })[0];
  }

  /* --- storage ------------------------------------------------------------------------- */

  function readRaw(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      storageProblem = error;
      return null;
    }
  }

  function writeRaw(key, value) {
    try {
      window.localStorage.setItem(key, value);
      return true;
    } catch (error) {
      storageProblem = error;
      return false;
    }
  }

  function removeRaw(key) {
    try { window.localStorage.removeItem(key); } catch (error) { storageProblem = error; }
  }

  function blank() {
    return { format: FORMAT, version: VERSION, done: {}, last: null, migrated: true };
  }

  function known(id) {
    return Boolean(stepById(id));
  }

  /* The checklist of older versions kept {link on the learning path: true}: read it once. */
  function migrate(state) {
    if (state.migrated) return state;
    state.migrated = true;
    var raw = readRaw(OLD_KEY);
    if (!raw) return state;
    var old;
    try { old = JSON.parse(raw); } catch (error) { return state; }
    if (!old || typeof old !== "object") return state;
    var page = address(path().pathPage);
    Object.keys(old).forEach(function (href) {
      if (old[href] !== true) return;
      var target;
      try { target = new URL(href, page); } catch (error) { return; }
      path().steps.forEach(function (step) {
        if (same(target, address(step.url)) && !state.done[step.id]) {
          state.done[step.id] = "migrated";
        }
      });
    });
    return state;
  }

  function load() {
    if (memory) return memory;
    var state = blank();
    state.migrated = false;
    var raw = readRaw(KEY);
    if (raw) {
      try {
        var parsed = JSON.parse(raw);
        if (parsed && parsed.format === FORMAT && typeof parsed.done === "object" && parsed.done) {
          state = parsed;
        } else {
          throw new Error("not a progress store");
        }
      } catch (error) {
        // Unreadable: keep the text aside rather than overwrite it, and start afresh.
        writeRaw(KEY + ":unreadable", raw);
        state = blank();
      }
    }
    return migrate(state);
  }

  function save(state) {
    state.format = FORMAT;
    state.version = VERSION;
    state.updated = new Date().toISOString();
    if (!writeRaw(KEY, JSON.stringify(state))) memory = state;
    return !memory;
  }

  function setDone(id, done) {
    var state = load();
    if (done) state.done[id] = state.done[id] || new Date().toISOString();
    else delete state.done[id];
    save(state);
    refresh();
  }

  function quizKey(url) {
    return QUIZ_PREFIX + address(url).pathname;
  }

  function quizScore(url) {
    var raw = readRaw(quizKey(url));
    if (!raw) return null;
    try {
      var answers = JSON.parse(raw);
      var answered = 0;
      var correct = 0;
      Object.keys(answers).forEach(function (id) {
        if (answers[id] && answers[id].answered) answered += 1;
        if (answers[id] && answers[id].correct) correct += 1;
      });
      return { answered: answered, correct: correct };
    } catch (error) {
      return null;
    }
  }

  /* --- what the page shows ------------------------------------------------------------- */

  function storageNote() {
    if (!storageProblem) return "";
    return "This browser is not keeping data for this site (a private window, or storage " +
      "is full or switched off): what you mark lasts until you close this tab. " +
      "Export your progress on the learning path to keep it.";
  }

  function showStorageNote() {
    var text = storageNote();
    if (!text) return;
    document.querySelectorAll(".nexus-step, .nexus-journey-tools, .nexus-journey-home")
      .forEach(function (block) {
        var note = block.querySelector(".nexus-storage-note");
        if (!note) {
          note = document.createElement("p");
          note.className = "nexus-storage-note";
          note.setAttribute("role", "status");
          block.appendChild(note);
        }
        note.textContent = text;
      });
  }

  function renderButtons(state) {
    document.querySelectorAll("button.nexus-done[data-step]").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", state.done[button.dataset.step] ? "true" : "false");
    });
  }

  function renderChecklist(state) {
    var items = document.querySelectorAll(".nexus-progress li[data-step]");
    if (!items.length) return;
    var done = 0;
    items.forEach(function (item) {
      var id = item.dataset.step;
      var box = item.querySelector("input[type=checkbox]");
      if (box) {
        box.disabled = false;
        box.checked = Boolean(state.done[id]);
        if (box.checked) done += 1;
      }
      var step = stepById(id);
      var total = Number(item.dataset.quizzes || 0);
      if (step && total) {
        var score = quizScore(step.url);
        var badge = item.querySelector(".nexus-quiz-score");
        if (!badge) {
          badge = document.createElement("span");
          badge.className = "nexus-quiz-score";
          item.appendChild(badge);
        }
        badge.textContent = score && score.answered
          ? "Questions: " + score.correct + " of " + total + " right"
          : "Questions: " + total + " to try";
      }
    });
    var status = document.querySelector(".nexus-progress .nexus-progress-status");
    if (status) status.textContent = done + " of " + items.length + " steps done";
  }

  function renderNavigation(state) {
    var doneUrls = path().steps
      .filter(function (step) { return state.done[step.id]; })
      .map(function (step) { return address(step.url).href; });
    document.querySelectorAll("a.md-nav__link[href]").forEach(function (link) {
      var isDone = doneUrls.some(function (url) { return same(link.href, url); });
      link.classList.toggle("nexus-nav-done", isDone);
      var mark = link.querySelector(".nexus-nav-done__label");
      if (isDone && !mark) {
        mark = document.createElement("span");
        mark.className = "nexus-nav-done__label nexus-visually-hidden";
        mark.textContent = " (done)";
        link.appendChild(mark);
      } else if (!isDone && mark) {
        mark.remove();
      }
    });
  }

  function linkTo(step, text) {
    var link = document.createElement("a");
    link.href = address(step.url).href;
    link.textContent = text;
    return link;
  }

  function renderHome(state) {
    var home = document.querySelector(".nexus-journey-home");
    if (!home) return;
    var steps = path().steps;
    var done = steps.filter(function (step) { return state.done[step.id]; }).length;
    var next = steps.filter(function (step) { return !state.done[step.id]; })[0];
    var last = state.last && stepById(state.last);
    var body = home.querySelector(".nexus-journey-home__body") || document.createElement("div");
    body.className = "nexus-journey-home__body";
    body.textContent = "";
    var meter = document.createElement("progress");
    meter.max = steps.length;
    meter.value = done;
    meter.setAttribute("aria-label", "Learning path progress");
    var summary = document.createElement("p");
    summary.className = "nexus-journey-home__summary";
    summary.textContent = done + " of " + steps.length + " steps done";
    body.appendChild(summary);
    body.appendChild(meter);
    var go = document.createElement("p");
    if (next) {
      go.appendChild(document.createTextNode(done ? "Continue where you left off: " : "Start here: "));
      go.appendChild(linkTo(next, "Step " + next.number + ", " + next.title));
    } else {
      go.appendChild(document.createTextNode("You have done every step. "));
      go.appendChild(linkTo({ url: path().pathPage }, "Back to the learning path"));
    }
    body.appendChild(go);
    if (last && (!next || last.id !== next.id)) {
      var read = document.createElement("p");
      read.appendChild(document.createTextNode("Last page you read: "));
      read.appendChild(linkTo(last, last.title));
      body.appendChild(read);
    }
    home.querySelectorAll(".nexus-journey-home__fallback").forEach(function (el) { el.hidden = true; });
    home.appendChild(body);
  }

  function refresh() {
    var state = load();
    renderButtons(state);
    renderChecklist(state);
    renderNavigation(state);
    renderHome(state);
    showStorageNote();
  }

  /* --- export, import, reset ----------------------------------------------------------- */

  function message(text) {
    var box = document.querySelector(".nexus-journey-message");
    if (box) box.textContent = text;
  }

  function exportData() {
    var state = load();
    var quizzes = {};
    path().quizPages.forEach(function (page) {
      var raw = readRaw(quizKey(page.url));
      if (!raw) return;
      try { quizzes[page.id] = JSON.parse(raw); } catch (error) { /* skip what is unreadable */ }
    });
    return {
      format: FORMAT,
      version: VERSION,
      exported: new Date().toISOString(),
      done: state.done,
      last: state.last,
      quizzes: quizzes
    };
  }

  function download() {
    var text = JSON.stringify(exportData(), null, 2);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "nexus-progress-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    var count = Object.keys(exportData().done).length;
    message("Exported " + count + " step(s) done and your answers to " + link.download + ".");
  }

  function validQuizAnswers(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).every(function (id) {
      var entry = value[id];
      return entry && typeof entry === "object" &&
        typeof entry.answered === "boolean" && typeof entry.correct === "boolean";
    });
  }

  /* Returns the text to show; changes nothing unless the whole file is usable. */
  function importText(text, name) {
    var data;
    if (text.length > MAX_IMPORT_BYTES) {
      return name + " is too large to be a progress file (over 1 MB). Nothing was changed.";
    }
    try {
      data = JSON.parse(text);
    } catch (error) {
      return name + " is not a progress file: it is not valid JSON (" + error.message +
        "). Nothing was changed.";
    }
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return name + " is JSON, but not a Project Nexus progress export (it has no \"format\": \"" +
        FORMAT + "\"). Export one from this page first. Nothing was changed.";
    }
    if (typeof data.version !== "number" || data.version > VERSION) {
      return name + " was written by a newer version of this site (format version " +
        data.version + "). Reload the site to update it, then import again. Nothing was changed.";
    }
    if (!data.done || typeof data.done !== "object" || Array.isArray(data.done)) {
      return name + " has no list of steps done (\"done\"). Nothing was changed.";
    }
    var quizzes = data.quizzes || {};
    if (typeof quizzes !== "object" || Array.isArray(quizzes)) {
      return name + " has answers in a form this site does not know (\"quizzes\"). Nothing was changed.";
    }
    var state = load();
    var added = 0;
    var skipped = 0;
    Object.keys(data.done).forEach(function (id) {
      if (!known(id)) { skipped += 1; return; }
      if (!state.done[id]) { state.done[id] = String(data.done[id] || "imported"); added += 1; }
    });
    if (!state.last && typeof data.last === "string" && known(data.last)) state.last = data.last;
    if (!save(state)) {
      return "Your browser refused to store the progress (storage full or disabled): it shows " +
        "for this visit only. Nothing stored before was changed.";
    }
    var pages = 0;
    path().quizPages.forEach(function (page) {
      var answers = quizzes[page.id];
      if (!validQuizAnswers(answers)) return;
      var key = quizKey(page.url);
      var mine = {};
      try { mine = JSON.parse(readRaw(key) || "{}") || {}; } catch (error) { mine = {}; }
      var merged = Object.assign({}, answers, mine); // what this browser has wins
      if (writeRaw(key, JSON.stringify(merged))) pages += 1;
    });
    refresh();
    return "Imported from " + name + ": " + added + " step(s) newly done, answers for " + pages +
      " page(s)" + (skipped ? "; " + skipped + " step(s) not on this site's path were skipped" : "") + ".";
  }

  function resetAll() {
    if (!window.confirm("Reset your progress on this device: steps done and answers? " +
      "Export it first if you may want it back.")) return;
    memory = null;
    removeRaw(KEY);
    path().quizPages.forEach(function (page) { removeRaw(quizKey(page.url)); });
    save(blank());
    refresh();
    message("Your progress on this device was reset.");
  }

  function setUpTools() {
    var tools = document.querySelector(".nexus-journey-tools");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = "true";
    tools.hidden = false;
    var exportButton = tools.querySelector(".nexus-export");
    var input = tools.querySelector("input.nexus-import");
    var reset = tools.querySelector(".nexus-reset");
    if (exportButton) exportButton.addEventListener("click", download);
    if (reset) reset.addEventListener("click", resetAll);
    if (input) {
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) return;
        var reader = new FileReader();
        reader.onload = function () {
          message(importText(String(reader.result), file.name));
          input.value = "";
        };
        reader.onerror = function () {
          message(file.name + " could not be read. Nothing was changed.");
        };
        reader.readAsText(file);
      });
    }
  }

  /* --- wiring -------------------------------------------------------------------------- */

  function setUpPage() {
    var here = document.querySelector(".nexus-step[data-step]");
    if (here && known(here.dataset.step)) {
      var state = load();
      if (state.last !== here.dataset.step) {
        state.last = here.dataset.step;
        save(state);
      }
    }
    document.querySelectorAll("button.nexus-done[data-step]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "true";
      button.addEventListener("click", function () {
        setDone(button.dataset.step, button.getAttribute("aria-pressed") !== "true");
      });
    });
    document.querySelectorAll(".nexus-progress li[data-step] input[type=checkbox]").forEach(function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = "true";
      var item = box.closest("li[data-step]");
      box.setAttribute("aria-label", "Mark as done: " + item.textContent.trim().slice(0, 60));
      box.addEventListener("change", function () { setDone(item.dataset.step, box.checked); });
    });
    setUpTools();
    refresh();
  }

  window.nexusJourney = { load: load, importText: importText, exportData: exportData };

  if (typeof window.document$ !== "undefined") window.document$.subscribe(setUpPage);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpPage);
  else setUpPage();
  // Answers given on this page change its score on the learning path; keep other tabs in step.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || (event.key && event.key.indexOf(QUIZ_PREFIX) === 0)) {
      memory = null;
      refresh();
    }
  });
})();
