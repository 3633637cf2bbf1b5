// After HTMX swaps in a new question or its feedback, move keyboard and screen-reader focus there, so a
// keyboard user never has to hunt for it. Elements opt in with data-autofocus; full page loads are left
// alone so the skip link and the article come first.
(function () {
  "use strict";
  function focusMarked() {
    var target = document.querySelector("[data-autofocus]");
    if (!target) {
      return;
    }
    target.removeAttribute("data-autofocus");
    if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: false });
  }
  // Marks present in the first page load are not for us: clear them, focus only after swaps.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-autofocus]").forEach(function (element) {
      element.removeAttribute("data-autofocus");
    });
  });
  document.addEventListener("htmx:afterSettle", focusMarked);
  // next.js swaps in a prefetched question without htmx, and says so with this event.
  document.addEventListener("passage:swapped", focusMarked);
})();
