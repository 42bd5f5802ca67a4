/* Project Nexus: any diagram full screen, with pinch, wheel and button zoom and panning.
 *
 * Diagrams are SVG drawn at build time (tools/mkdocs_hooks/diagrams.py), fitted to the column,
 * which on a phone makes their text small. A click or tap on one, Enter on it, or its
 * "Enlarge" button shows it in a modal <dialog> at a scale where its smallest text is at least
 * LEGIBLE_PX tall, zoomed and panned by the vendored Panzoom (loaded on the first open). The
 * dialog closes with Escape, its Close button or the back gesture: opening pushes a history
 * entry, popstate closes, and closing another way takes that entry back. Works with instant
 * navigation, from file:// and with no network. */
(function () {
  "use strict";

  var LEGIBLE_PX = 12; // the smallest text in the enlarged view; the site's floor is 11 px
  var MAX_SCALE = 8;
  var script = document.currentScript;
  var PANZOOM_SRC = new URL("../vendor/panzoom/panzoom.min.js", script ? script.src : location.href).href;

  var dialog = null;
  var panzoom = null;
  var opener = null;
  var pushed = false; // our history entry is the current one
  var returning = false; // we went back over our entry and wait for its popstate
  var offset = null; // where the page was scrolled when the dialog opened
  var openerIndex = -1;
  var reload = null; // Material may reload the page on our popstate: restore after it
  var loading = null;

  function loadPanzoom() {
    if (window.Panzoom) return Promise.resolve(window.Panzoom);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = PANZOOM_SRC;
        tag.onload = function () { resolve(window.Panzoom); };
        tag.onerror = function () {
          loading = null; // try again next time (the reader may be back online)
          reject(new Error("could not load " + PANZOOM_SRC));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function shownDrawing(figure) {
    var drawings = figure.querySelectorAll(".nexus-diagram__light > svg, .nexus-diagram__dark > svg");
    for (var i = 0; i < drawings.length; i++) {
      if (drawings[i].getBoundingClientRect().width > 0) return drawings[i];
    }
    return drawings[0] || null;
  }

  /* The smallest text of an SVG in CSS px at its natural size: font size times the scale of
   * the element that draws it, relative to the SVG itself. */
  function smallestTextPx(svg) {
    var base = svg.getScreenCTM();
    var smallest = Infinity;
    var walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var element = node.parentElement;
      if (!node.textContent.trim() || !element || element.closest("style, title, desc")) continue;
      var holder = element instanceof SVGGraphicsElement ? element : element.closest("foreignObject");
      var ctm = holder && holder.getScreenCTM();
      if (!ctm || !base) continue;
      var size = parseFloat(getComputedStyle(element).fontSize) * Math.hypot(ctm.a, ctm.b) / Math.hypot(base.a, base.b);
      if (size > 0) smallest = Math.min(smallest, size);
    }
    return smallest;
  }

  function button(className, label, text) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.textContent = text;
    return element;
  }

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "nexus-diagram-zoom";
    dialog.setAttribute("aria-labelledby", "nexus-diagram-zoom-title");
    var bar = document.createElement("div");
    bar.className = "nexus-diagram-zoom__bar";
    var title = document.createElement("h2");
    title.id = "nexus-diagram-zoom-title";
    title.className = "nexus-diagram-zoom__title";
    var zoomOut = button("nexus-diagram-zoom__step", "Zoom out", "\u2212");
    var zoomIn = button("nexus-diagram-zoom__step", "Zoom in", "+");
    var close = button("nexus-diagram-zoom__close", "Close enlarged diagram", "\u2715 Close");
    zoomOut.dataset.zoom = "out";
    zoomIn.dataset.zoom = "in";
    bar.append(title, zoomOut, zoomIn, close);
    var stage = document.createElement("div");
    stage.className = "nexus-diagram-zoom__stage";
    var canvas = document.createElement("div");
    canvas.className = "nexus-diagram-zoom__canvas";
    stage.appendChild(canvas);
    dialog.append(bar, stage);
    document.body.appendChild(dialog);

    close.addEventListener("click", function () { dialog.close(); });
    bar.addEventListener("click", function (event) {
      var step = event.target.closest("[data-zoom]");
      if (step && panzoom) step.dataset.zoom === "in" ? panzoom.zoomIn() : panzoom.zoomOut();
    });
    stage.addEventListener("wheel", function (event) { if (panzoom) panzoom.zoomWithWheel(event); });
    dialog.addEventListener("keydown", function (event) {
      if (!panzoom || event.target.closest("button")) return;
      if (event.key === "+" || event.key === "=") panzoom.zoomIn();
      else if (event.key === "-") panzoom.zoomOut();
    });
    dialog.addEventListener("close", closed);
    // Material's instant navigation may treat the popstate between our entry and the page's
    // own as a visit and load the same page again (a new DOM, scrolled to the entry's
    // offset): then the reader is put back once the new page is set up.
    window.addEventListener("popstate", function () {
      if (!returning && !pushed) return;
      reload = { path: location.pathname, until: Date.now() + 5000 };
      if (returning) {
        returning = false;
        restore();
      } else {
        pushed = false; // the back gesture took our entry: close without going back again
        if (dialog.open) dialog.close();
      }
    });
  }

  function open(figure) {
    var source = shownDrawing(figure);
    if (!source) return;
    if (!dialog) makeDialog();
    if (dialog.open) return;
    opener = figure;
    openerIndex = Array.prototype.indexOf.call(document.querySelectorAll(".nexus-diagram"), figure);
    offset = { x: window.scrollX, y: window.scrollY };
    // The offset Material itself records (debounced) for this entry, so a reload of the page
    // on the way back scrolls to it.
    history.replaceState(offset, "");
    var canvas = dialog.querySelector(".nexus-diagram-zoom__canvas");
    var stage = dialog.querySelector(".nexus-diagram-zoom__stage");
    dialog.querySelector(".nexus-diagram-zoom__title").textContent = figure.getAttribute("aria-label") || "Diagram";
    var box = source.viewBox.baseVal;
    var width = box && box.width ? box.width : source.getBoundingClientRect().width;
    var height = box && box.height ? box.height : source.getBoundingClientRect().height;
    // A copy at its natural size (the page's is fitted to the column); same ids, same style.
    var drawing = source.cloneNode(true);
    drawing.removeAttribute("style");
    drawing.setAttribute("width", width);
    drawing.setAttribute("height", height);
    canvas.replaceChildren(drawing);
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    document.documentElement.classList.add("nexus-diagram-zoom-open");
    dialog.showModal();
    history.pushState({ nexusDiagramZoom: true }, "");
    pushed = true;

    var fit = Math.min(stage.clientWidth / width, stage.clientHeight / height);
    var smallest = smallestTextPx(drawing);
    var legible = isFinite(smallest) ? LEGIBLE_PX / smallest : 1;
    var scale = Math.min(MAX_SCALE, Math.max(legible, Math.min(fit, 2)));
    // Panzoom scales about the canvas's centre and translates in unscaled px. Centre what
    // fits; a drawing too wide (or too tall) only starts at its left (or top), where a
    // flow begins; one too big both ways (an ERD) starts at its centre.
    var wide = scale * width > stage.clientWidth;
    var tall = scale * height > stage.clientHeight;
    var left = wide && !tall ? 0 : (stage.clientWidth - scale * width) / 2;
    var top = tall && !wide ? 0 : (stage.clientHeight - scale * height) / 2;
    var x = (left - width * (1 - scale) / 2) / scale;
    var y = (top - height * (1 - scale) / 2) / scale;
    // Until Panzoom is here (or if it cannot load), the drawing shows at that scale, still.
    canvas.style.transformOrigin = "50% 50%";
    canvas.style.transform = "scale(" + scale + ") translate(" + x + "px, " + y + "px)";
    loadPanzoom().then(function (Panzoom) {
      if (!dialog.open || canvas.firstChild !== drawing) return;
      panzoom = Panzoom(canvas, {
        canvas: true, // drag anywhere on the stage
        startScale: scale,
        startX: x,
        startY: y,
        minScale: Math.min(fit, scale),
        maxScale: MAX_SCALE,
        cursor: "grab"
      });
    }).catch(function () {
      stage.classList.add("nexus-diagram-zoom__stage--scroll");
    });
  }

  function closed() {
    if (panzoom) panzoom.destroy();
    panzoom = null;
    var canvas = dialog.querySelector(".nexus-diagram-zoom__canvas");
    canvas.replaceChildren();
    canvas.removeAttribute("style");
    dialog.querySelector(".nexus-diagram-zoom__stage").classList.remove("nexus-diagram-zoom__stage--scroll");
    document.documentElement.classList.remove("nexus-diagram-zoom-open");
    if (pushed) {
      pushed = false; // closed by Escape or the button: take back the entry we added
      returning = true;
      history.back();
    }
    restore();
  }

  // The reader is back where they were, on the diagram they opened.
  function restore() {
    var figure = opener && opener.isConnected ? opener : document.querySelectorAll(".nexus-diagram")[openerIndex];
    if (offset) window.scrollTo(offset.x, offset.y);
    if (figure) figure.focus({ preventScroll: true });
  }

  function setUp() {
    if (reload && reload.path === location.pathname && Date.now() < reload.until) restore();
    reload = null;
    document.querySelectorAll(".nexus-diagram").forEach(function (figure) {
      if (figure.dataset.zoomReady) return;
      figure.dataset.zoomReady = "true";
      var enlarge = figure.querySelector(".nexus-diagram__enlarge");
      if (enlarge) enlarge.hidden = false;
      figure.addEventListener("click", function (event) {
        if (event.target.closest("a")) return; // a link in a diagram still goes where it says
        open(figure);
      });
      figure.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && event.target === figure) {
          event.preventDefault();
          open(figure);
        }
      });
    });
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
