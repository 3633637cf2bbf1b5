// "Next question" without a round trip. A saved answer's reply carries the next question's panel in
// <template id="next-question">, so pressing Next swaps it in at once: no wait on a busy school network,
// and half the requests for the server when a whole class answers together. Without this script (or
// without the template) the link still works, as an HTMX request or as a plain link.
(function () {
  "use strict";

  function plainLeftClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  // The last answer's evidence stays marked only while its feedback is on screen.
  function clearEvidence() {
    document.querySelectorAll("#article mark").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) {
        parent.insertBefore(mark.firstChild, mark);
      }
      parent.removeChild(mark);
      parent.normalize();
    });
  }

  function replaceById(incoming, id) {
    var fresh = incoming.querySelector("#" + id);
    var current = document.getElementById(id);
    if (!fresh || !current) {
      return null;
    }
    current.replaceWith(fresh);
    return fresh;
  }

  // The panel changes at once now, so the second click of a double click on "Next question" would land
  // on whatever is under the pointer in the new question, often a choice: swallow that second click (its
  // click count is 2 or more). A single click, a tap or the keyboard is never held up.
  var GUARD_MS = 400;
  var swappedAt = 0;
  document.addEventListener(
    "click",
    function (event) {
      var panel = document.getElementById("question-panel");
      var repeated = event.detail > 1;
      if (repeated && Date.now() - swappedAt < GUARD_MS && panel && panel.contains(event.target)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true
  );

  function showNext(link, template) {
    var incoming = template.content.cloneNode(true);
    var panel = replaceById(incoming, "question-panel");
    if (!panel) {
      return false;
    }
    replaceById(incoming, "progress");
    document.getElementById("feedback").replaceChildren();
    clearEvidence();
    // { htmx: true } so the Back button goes through htmx's history handling, like hx-push-url; and the
    // URL hx-get would push (the plain href ends in #quiz, for pages without JavaScript). The entry we leave
    // is marked too, as htmx marks it before its own push: unmarked, Back to it changed only the address
    // and left the later question on screen. htmx keeps no snapshots here (historyCacheSize 0), so Back
    // reloads the page as it is now.
    history.replaceState({ htmx: true }, document.title, location.href);
    history.pushState({ htmx: true }, "", link.getAttribute("hx-get") || link.href);
    window.htmx.process(panel);
    swappedAt = Date.now();
    document.dispatchEvent(new CustomEvent("passage:swapped"));
    return true;
  }

  // Capture phase: runs before htmx's own click handler on the link, which would fetch the same panel.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("a[data-next-template]");
      if (!link || !plainLeftClick(event) || !window.htmx) {
        return;
      }
      var template = document.getElementById(link.getAttribute("data-next-template"));
      if (template && showNext(link, template)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true
  );

  // A page the browser kept in its back-forward cache shows the quiz as it was when the student left it
  // (answers since then missing): fetch it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });
})();
