/* Material for MkDocs' defaults, adjusted where axe-core finds accessibility violations:
 * the search dialog gets a name, the footer's previous/next links are named by the
 * text they show, and a table that scrolls sideways can be reached from the keyboard.
 */
(function () {
  "use strict";

  function adjust() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Search");
    }
    document.querySelectorAll(".md-footer__link[aria-label]").forEach(function (link) {
      link.removeAttribute("aria-label");
    });
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.tabIndex = 0;
      }
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(adjust);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", adjust);
  } else {
    adjust();
  }
})();
