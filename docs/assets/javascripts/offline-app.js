/* Project Nexus: the installable, offline-capable hub, on the page's side.
 *
 * - Registers the service worker (sw.js, written by tools/service_worker.mjs) once the page
 *   has loaded, so it costs the first paint nothing; only over http(s), never from file://.
 * - Where a page has <div data-nexus-offline-app>, draws "Save the whole hub for offline
 *   reading (N MB)": it fetches every file that offline-files.json lists into this build's
 *   caches, with a progress bar, checks each file's SHA-256, resumes where it stopped, says
 *   how much storage the site uses (navigator.storage.estimate()), and can remove it again.
 * - When a new version of the worker is waiting, shows "A new version of the hub is
 *   available" with a Reload button; the page reloads once the new worker has taken over.
 *
 * The worker's side, and why caches are named after the build, is explained in
 * tools/mkdocs_hooks/service_worker.js. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="nexus-service-worker"]');
  var httpPage = location.protocol === "http:" || location.protocol === "https:";
  if (!httpPage) return; // file:// (the offline zip or a local folder): nothing to register

  var swUrl = meta ? new URL(meta.content, location.href) : null;
  var root = swUrl ? new URL("./", swUrl) : null;
  var supported = Boolean(swUrl && "serviceWorker" in navigator && "caches" in window &&
    window.crypto && window.crypto.subtle);
  var COMPLETE_KEY = "nexus-offline:complete"; // build id of the last complete save
  var PARALLEL = 4;

  var registration = null;
  var reloadRequested = false;
  var hadController = supported && Boolean(navigator.serviceWorker.controller);
  var updateWaiting = false;
  var listPromise = null;
  var state = { busy: false, saved: 0, total: 0, message: "", kind: "" };
  var uid = 0;

  /* --- small helpers ------------------------------------------------------------------ */

  function mb(bytes) {
    if (bytes >= 1e9) return (bytes / 1e9).toFixed(1) + " GB";
    return (bytes / 1e6).toFixed(1) + " MB";
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function cacheNames(build) { // the service worker's names: origin-wide, so per scope
    var own = "nexus[" + root.pathname + "]-";
    return { pages: own + "pages-" + build, assets: own + "assets-" + build };
  }

  function isPage(url) {
    return url === "" || /\/$/.test(url) || /\.html$/.test(url);
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function fileList() {
    if (!listPromise) {
      listPromise = fetch(new URL("offline-files.json", root).href).then(function (response) {
        if (!response.ok) throw new Error("offline-files.json: HTTP " + response.status);
        return response.json();
      }).then(function (list) {
        list.rest = list.files.filter(function (file) { return !file.shell; });
        list.shellBytes = list.total_bytes - list.rest.reduce(function (sum, file) {
          return sum + file.bytes;
        }, 0);
        return list;
      });
      listPromise.catch(function () { listPromise = null; });
    }
    return listPromise;
  }

  /* --- the reload prompt --------------------------------------------------------------- */

  function showUpdate(worker) {
    updateWaiting = true;
    var bar = document.querySelector(".nexus-update");
    if (!bar) {
      bar = element("div", {
        "class": "nexus-update md-typeset", role: "status", "aria-live": "polite"
      });
      var text = element("p", { "class": "nexus-update__text" },
        "A new version of the hub is available \u2014 ");
      var button = element("button", {
        type: "button", "class": "md-button md-button--primary nexus-update__reload"
      }, "Reload");
      text.appendChild(button);
      bar.appendChild(text);
      document.body.appendChild(bar);
      button.addEventListener("click", function () {
        button.disabled = true;
        reloadRequested = true;
        var waiting = (registration && registration.waiting) || worker;
        if (waiting) waiting.postMessage({ type: "SKIP_WAITING" });
        else location.reload();
      });
    }
  }

  // While a new version waits, a link opens as a whole new page (from the network, the new
  // version), instead of instant navigation swapping new content into this old page.
  document.addEventListener("click", function (event) {
    if (!updateWaiting || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || !root) return;
    var url = new URL(link.href, location.href);
    var sameSite = url.href.indexOf(root.href) === 0;
    if (!sameSite || (url.hash && url.pathname === location.pathname)) return;
    event.preventDefault();
    event.stopPropagation();
    location.href = url.href;
  }, true);

  function watch(reg) {
    registration = reg;
    if (reg.waiting && navigator.serviceWorker.controller) showUpdate(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var worker = reg.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) showUpdate(worker);
      });
    });
    // Instant navigation is not a navigation to the browser, so look for updates now and
    // then, and as soon as the network is back.
    window.addEventListener("online", function () { reg.update().catch(function () {}); });
    var checked = Date.now();
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && Date.now() - checked > 30 * 60 * 1000) {
        checked = Date.now();
        reg.update().catch(function () {});
      }
    });
    return reg;
  }

  function register() {
    navigator.serviceWorker.register(swUrl.href, { scope: root.href })
      .then(watch)
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { renderAll(); resumeAfterUpdate(); })
      .catch(function (error) {
        state.kind = "error";
        state.message = "This browser could not set up offline reading (" + error.message + ").";
        renderAll();
      });
  }

  if (supported) {
    // A new worker took over: reload, so the page and its files are all of the new version.
    // (The first worker taking over a page that had none changes nothing on screen.)
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      if (!reloadRequested && !hadController) { hadController = true; return; }
      if (reloadRequested !== "done") { reloadRequested = "done"; location.reload(); }
    });
    // After the load event and the first paint, so the worker costs the first paint nothing.
    // The browser reports a paint after the frame is shown (late on a busy machine), so wait
    // for that report where it exists; a hidden tab paints nothing: then after a moment.
    var afterPaint = function () {
      var started = false;
      var start = function () { if (!started) { started = true; register(); } };
      var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
      if (performance.getEntriesByType("paint").length) {
        start();
      } else if (types.indexOf("paint") >= 0) {
        new PerformanceObserver(function (entries, observer) {
          observer.disconnect();
          start();
        }).observe({ type: "paint", buffered: true });
      } else {
        requestAnimationFrame(function () { requestAnimationFrame(start); });
      }
      setTimeout(function () { if (document.visibilityState === "hidden") start(); }, 2000);
      setTimeout(start, 15000); // a browser that never reports a paint
    };
    if (document.readyState === "complete") afterPaint();
    else window.addEventListener("load", afterPaint, { once: true });
  }

  /* --- what is saved --------------------------------------------------------------------- */

  function controllerBuild() {
    return navigator.serviceWorker.ready.then(function (reg) {
      var worker = navigator.serviceWorker.controller || reg.active;
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        var timer = setTimeout(function () { resolve(null); }, 3000);
        channel.port1.onmessage = function (event) {
          clearTimeout(timer);
          resolve(event.data.build);
        };
        worker.postMessage({ type: "NEXUS_BUILD" }, [channel.port2]);
      });
    });
  }

  // How many bytes of the hub are on this device now (the shell counts once a worker is active).
  function measure(list) {
    var names = cacheNames(list.build);
    // caches.match with a cacheName never creates the cache, unlike caches.open.
    return Promise.all(list.rest.map(function (file) {
      var name = isPage(file.url) ? names.pages : names.assets;
      return caches.match(new URL(file.url, root).href, { cacheName: name }).then(function (hit) {
        return hit ? file.bytes : 0;
      });
    })).then(function (sizes) {
      var saved = sizes.reduce(function (a, b) { return a + b; }, 0);
      var active = registration && registration.active;
      return saved + (active ? list.shellBytes : 0);
    });
  }

  function SaveError(kind, message) {
    this.kind = kind;
    this.message = message;
  }

  function saveFile(file, cache) {
    var url = new URL(file.url, root).href;
    return cache.match(url).then(function (hit) {
      if (hit) return 0; // saved before (or read already): no request
      return fetch(url, { cache: "no-cache", headers: { "X-Nexus-Save": "1" } })
        .catch(function () { throw new SaveError("network"); })
        .then(function (response) {
          if (response.status === 404) throw new SaveError("version");
          if (!response.ok) throw new SaveError("network");
          // The body is read (decoded) here: drop what described its transfer encoding.
          var headers = new Headers(response.headers);
          ["content-encoding", "content-length", "transfer-encoding"].forEach(function (name) {
            headers.delete(name);
          });
          return response.arrayBuffer().then(function (body) {
            return crypto.subtle.digest("SHA-256", body).then(function (digest) {
              if (hex(digest) !== file.sha256) throw new SaveError("version");
              return cache.put(url, new Response(body, {
                status: 200, statusText: "OK", headers: headers
              }));
            });
          });
        })
        .then(function () { return file.bytes; }, function (error) {
          if (error instanceof SaveError) throw error;
          if (error && error.name === "QuotaExceededError") throw new SaveError("quota");
          throw new SaveError("network");
        });
    });
  }

  function save(options) {
    if (state.busy) return Promise.resolve();
    state.busy = true;
    state.kind = "";
    state.message = options && options.update
      ? "Updating your saved copy to the new version\u2026" : "Saving\u2026";
    renderAll();
    var list;
    return navigator.serviceWorker.ready.then(function (reg) {
      if (!registration) registration = reg; // ready can settle before register() does
      return Promise.all([fileList(), controllerBuild()]);
    }).then(function (results) {
      list = results[0];
      if (results[1] && results[1] !== list.build) throw new SaveError("version");
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().catch(function () {});
      }
      return measure(list);
    }).then(function (already) {
      var names = cacheNames(list.build);
      state.total = list.total_bytes;
      state.saved = already;
      renderAll();
      return Promise.all([caches.open(names.pages), caches.open(names.assets)]).then(function (open) {
        var queue = list.rest.slice();
        var failure = null;
        var announced = -1; // the status (read out by screen readers) changes every tenth
        function next() {
          if (failure || !queue.length) return Promise.resolve();
          var file = queue.shift();
          return saveFile(file, isPage(file.url) ? open[0] : open[1]).then(function (added) {
            state.saved += added;
            var tenth = Math.floor((10 * state.saved) / state.total);
            if (tenth !== announced) {
              announced = tenth;
              state.message = "Saving: " + mb(state.saved) + " of " + mb(state.total) + "\u2026";
            }
            renderProgress();
            return next();
          }, function (error) {
            failure = failure || error;
          });
        }
        var workers = [];
        for (var i = 0; i < PARALLEL; i += 1) workers.push(next());
        return Promise.all(workers).then(function () {
          if (failure) throw failure;
        });
      });
    }).then(function () {
      try { localStorage.setItem(COMPLETE_KEY, list.build); } catch (error) { /* private mode */ }
      state.kind = "done";
      state.message = "Saved: the whole hub (" + mb(list.total_bytes) + ") is on this device. " +
        "Every page, its diagrams and the search now work with no network.";
    }, function (error) {
      var got = mb(state.saved) + " of " + mb(state.total || (list ? list.total_bytes : 0));
      if (error instanceof SaveError && error.kind === "quota") {
        state.kind = "quota";
        state.message = "This device has no more room for the hub: " + got + " saved. " +
          "The pages saved so far still open offline. Free some space, then save again: " +
          "it continues where it stopped.";
      } else if (error instanceof SaveError && error.kind === "version") {
        state.kind = "version";
        state.message = "A new version of the hub was published while saving. Reload the " +
          "page to save the new version; what is saved so far still opens offline.";
        if (registration) registration.update().catch(function () {});
      } else {
        state.kind = "network";
        state.message = "The network dropped: " + got + " saved. Save again when you are " +
          "back online: it continues where it stopped, without downloading the saved " +
          "files again.";
      }
    }).then(function () {
      state.busy = false;
      renderAll();
    });
  }

  function remove() {
    state.busy = true;
    renderAll();
    return fileList().then(function (list) {
      var names = cacheNames(list.build);
      return Promise.all([caches.delete(names.pages), caches.delete(names.assets)]);
    }).then(function () {
      try { localStorage.removeItem(COMPLETE_KEY); } catch (error) { /* private mode */ }
      state.kind = "removed";
      state.message = "Removed: the saved pages are deleted from this device. The home " +
        "page and the search still work offline; other pages need the network again.";
    }, function (error) {
      state.kind = "error";
      state.message = "Could not remove the saved copy (" + error.message + ").";
    }).then(function () {
      state.busy = false;
      renderAll();
    });
  }

  // After an update the worker has already copied every unchanged file; fetch the rest when
  // the reader had the whole hub saved.
  function resumeAfterUpdate() {
    var previous = null;
    var tried = null;
    try {
      previous = localStorage.getItem(COMPLETE_KEY);
      tried = sessionStorage.getItem(COMPLETE_KEY);
    } catch (error) { return; }
    if (!previous || !navigator.onLine) return;
    Promise.all([fileList(), controllerBuild()]).then(function (results) {
      var list = results[0];
      // Not while a newer version waits (the list is then the network's, not this worker's).
      if (results[1] !== list.build) return;
      if (previous === list.build || tried === list.build) return;
      // Once a visit: on a full device, the reader's own "Save" is the next try.
      try { sessionStorage.setItem(COMPLETE_KEY, list.build); } catch (error) { /* private mode */ }
      save({ update: true });
    }).catch(function () {});
  }

  /* --- drawing the controls ------------------------------------------------------------ */

  function panels() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nexus-offline-app]"));
  }

  function build(panel) {
    uid += 1;
    var id = "nexus-offline-progress-" + uid;
    panel.textContent = "";
    panel.classList.add("nexus-offline-app--ready");
    var actions = element("p", { "class": "nexus-offline-app__actions" });
    var saveButton = element("button", { type: "button", "class": "md-button md-button--primary", "data-nexus-save": "" },
      "Save the whole hub for offline reading");
    var removeButton = element("button", { type: "button", "class": "md-button", "data-nexus-remove": "" },
      "Remove the saved copy");
    removeButton.hidden = true;
    actions.appendChild(saveButton);
    actions.appendChild(removeButton);
    var progressBox = element("div", { "class": "nexus-offline-app__progress" });
    var label = element("label", { "for": id }, "Saved on this device");
    var progress = element("progress", { id: id, max: "100", value: "0" });
    progressBox.appendChild(label);
    progressBox.appendChild(progress);
    progressBox.hidden = true;
    var status = element("p", { "class": "nexus-offline-app__status", role: "status", "aria-live": "polite" });
    var space = element("p", { "class": "nexus-offline-app__space" });
    panel.appendChild(actions);
    panel.appendChild(progressBox);
    panel.appendChild(status);
    panel.appendChild(space);
    saveButton.addEventListener("click", function () { save(); });
    removeButton.addEventListener("click", function () { remove(); });
  }

  function renderProgress() {
    panels().forEach(function (panel) {
      var progress = panel.querySelector("progress");
      var status = panel.querySelector(".nexus-offline-app__status");
      if (!progress) return;
      if (state.total) {
        progress.max = state.total;
        progress.value = Math.min(state.saved, state.total);
        progress.parentNode.hidden = false;
      }
      if (status.textContent !== state.message) status.textContent = state.message;
    });
  }

  function showSpace(panel) {
    var space = panel.querySelector(".nexus-offline-app__space");
    if (!navigator.storage || !navigator.storage.estimate) return;
    Promise.all([
      navigator.storage.estimate(),
      navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false)
    ]).then(function (results) {
      var estimate = results[0];
      space.textContent = "Storage used by this web address (approximate): " + mb(estimate.usage || 0) +
        " (this browser allows it about " + mb(estimate.quota || 0) + "). " +
        (results[1] ? "The browser keeps it until you remove it."
          : "The browser may clear it if the device runs out of space.");
    }).catch(function () {});
  }

  function render(panel) {
    if (!supported) {
      if (swUrl) {
        panel.querySelector("p").textContent = "This browser cannot keep the hub for " +
          "offline reading; the downloads below work everywhere.";
      }
      return;
    }
    if (!panel.classList.contains("nexus-offline-app--ready")) build(panel);
    var saveButton = panel.querySelector("[data-nexus-save]");
    var removeButton = panel.querySelector("[data-nexus-remove]");
    saveButton.disabled = state.busy;
    removeButton.disabled = state.busy;
    renderProgress();
    if (state.busy) return;
    fileList().then(function (list) {
      saveButton.textContent = "Save the whole hub for offline reading (" + mb(list.total_bytes) + ")";
      if (!registration || !registration.active) return null;
      return measure(list).then(function (saved) {
        var complete = saved >= list.total_bytes;
        state.total = list.total_bytes;
        state.saved = saved;
        if (complete) {
          saveButton.hidden = true;
          if (!state.message || state.kind === "removed") {
            state.message = "The whole hub (" + mb(list.total_bytes) + ") is saved on this device.";
          }
        } else {
          saveButton.hidden = false;
          if (saved > list.shellBytes) {
            saveButton.textContent = "Continue saving the hub (" +
              mb(list.total_bytes - saved) + " left)";
          }
        }
        removeButton.hidden = saved <= list.shellBytes;
        renderProgress();
        showSpace(panel);
      });
    }).catch(function () {
      saveButton.disabled = true;
      state.message = "Offline reading is not available in this build of the site.";
      renderProgress();
    });
  }

  function renderAll() {
    panels().forEach(render);
  }

  // Material's document$ announces every page, instant navigation included.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(function () { renderAll(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
