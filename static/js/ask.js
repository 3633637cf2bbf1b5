// "Ask about this": when the teacher selects text in the article, fill the ask form with the phrase and its
// exact character offsets in the article (each paragraph carries data-start, its offset in article.text).
// Without JavaScript the teacher types the phrase and the server finds it.
(function () {
  "use strict";
  function offsetOf(node, offset) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var paragraph = element && element.closest("[data-start]");
    if (!paragraph) {
      return null;
    }
    var range = document.createRange();
    range.selectNodeContents(paragraph);
    range.setEnd(node, offset);
    return parseInt(paragraph.getAttribute("data-start"), 10) + range.toString().length;
  }
  function fillForm() {
    var source = document.querySelector("[data-ask-source]");
    var form = document.getElementById("ask-form");
    var selection = window.getSelection();
    if (!source || !form || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) {
      return;
    }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) {
      return;
    }
    form.querySelector("[name=phrase]").value = selection.toString().replace(/\s+/g, " ").trim();
    form.querySelector("[name=start]").value = start;
    form.querySelector("[name=end]").value = end;
  }
  document.addEventListener("mouseup", fillForm);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) {
      fillForm();
    }
  });
})();
