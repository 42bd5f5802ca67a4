/* Project Nexus: give every navigation landmark a distinct name.
 *
 * With section index pages, Material labels a nested <nav> by a toggle that holds only an
 * icon, so screen readers hear several unnamed "navigation" landmarks. Name each after the
 * section it lists. */
(function () {
  "use strict";

  // Other <nav> landmarks Material leaves unnamed or named "Navigation" twice.
  var NAMES = {
    "nav.md-path": "Breadcrumb",
    "nav.md-tags": "Tags of this page",
    ".md-source-file nav": "Contributors"
  };

  function nameNestedNavs() {
    // Each code block's copy button sits in a <nav>: name each after its block's number.
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, index) {
      nav.setAttribute("aria-label", "Actions for code block " + (index + 1));
    });
    Object.keys(NAMES).forEach(function (selector) {
      document.querySelectorAll(selector).forEach(function (nav) {
        nav.setAttribute("aria-label", NAMES[selector]);
      });
    });
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var title = nav.querySelector(":scope > .md-nav__title");
      var name = title ? title.textContent.trim() : "";
      if (name) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", name + " pages");
      }
    });
  }

  // Material's document$ announces every page, instant navigation included; it does not
  // fire for pages opened from file://, so run once on load as well (idempotent).
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(function () { setTimeout(nameNestedNavs, 0); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameNestedNavs);
  } else {
    nameNestedNavs();
  }
})();
