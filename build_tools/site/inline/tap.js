/* Pages with the document's text: on a touch screen, the first tap on a linked acronym shows its
   full name (acronyms.js), with a link to its entry; a second tap on it follows the link. A
   tap cannot point without following, and the reader would leave the page unanswered. */
(function () {
  "use strict";
  var touch = false, armed = null;
  function linkOf(e) {
    var a = e.target.closest && e.target.closest(".md-content a[href]");
    return a && a.querySelector("abbr") ? a : null;
  }
  addEventListener("pointerdown", function (e) {
    touch = e.pointerType === "touch";
    var a = linkOf(e);
    armed = a && window.edTip && edTip(a.querySelector("abbr")) ? a : null;
  }, true);
  addEventListener("click", function (e) {
    var a = touch && window.edTip && linkOf(e);
    if (!a || a === armed) return;
    e.preventDefault();
    var tip = edTip(a.querySelector("abbr"), true);
    if (tip && !tip.querySelector("a")) {
      var go = document.createElement("a");
      go.href = a.getAttribute("href");
      go.textContent = "Index entry";
      tip.firstChild.append(" \u00b7 ", go);
      tip.style.setProperty("--md-tooltip-width", tip.firstChild.offsetWidth + "px");
    }
    armed = a;
  }, true);
})();
