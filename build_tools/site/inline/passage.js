/* Pages with the document's paragraphs (build_tools/site/inline.py), after cite.js. */

/* Cite a passage (issue 18): words selected inside one paragraph offer "cite this passage": the
   quoted words, the paragraph's citation ("para. N") and its permanent address with a text
   fragment (#:~:text=) that highlights the words where the browser supports it (the resolver
   page passes it on). The button follows the paragraph's controls, so Tab reaches it after a
   selection made with the mouse, the keyboard (caret browsing) or a long press on touch. */
(function () {
  "use strict";
  var api = window.editionCite;
  if (!api) return;
  var WORDS = 4;  /* a long passage is found by its first and last words (textStart,textEnd) */
  var button = document.createElement("button");
  button.type = "button";
  button.className = "passage-btn";
  button.hidden = true;
  var passage = null;  /* the last selection inside a paragraph: {n, words, para} */
  var pressing = false;

  /* The selected words, without the paragraph number and the note marks (not the document's). */
  function words(range) {
    var box = document.createElement("div");
    box.appendChild(range.cloneContents());
    box.querySelectorAll(".pnum, .footnote-ref, sup[id^='fnref']").forEach(function (e) {
      e.remove();
    });
    return box.textContent.replace(/\s+/g, " ").trim();
  }

  function enc(text) {  /* a text directive's term: "-", "&" and "," are syntax */
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function fragment(text) {
    var list = text.split(" ");
    if (list.length <= 2 * WORDS) return ":~:text=" + enc(text);
    return ":~:text=" + enc(list.slice(0, WORDS).join(" ")) + "," +
      enc(list.slice(-WORDS).join(" "));
  }

  function passageCite(p) {
    var base = api.citation("p" + p.n);
    if (!base) return null;
    var url = base.text.slice(base.text.lastIndexOf(" ") + 1);  /* the edition's form ends so */
    var there = url + "#" + fragment(p.words);
    var quoted = "\u201c" + p.words + "\u201d ";
    var out = Object.assign({}, base, { label: "a passage of paragraph " + p.n });
    ["text", "chicago", "apa", "mla", "oscola"].forEach(function (k) {
      if (out[k]) out[k] = quoted + out[k].split(url).join(there);
    });
    return out;
  }

  function hide() {
    if (button.getAttribute("aria-expanded") === "true") return;
    button.hidden = true;
  }

  function update() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) { if (!pressing) hide(); return; }
    var range = sel.getRangeAt(0);
    var node = range.commonAncestorContainer;
    var el = node.nodeType === 1 ? node : node.parentElement;
    var para = el && el.closest("p.para[data-n]");
    var text = para ? words(range) : "";
    if (!text) { hide(); return; }
    passage = { n: para.getAttribute("data-n"), words: text, para: para };
    button.setAttribute("aria-label", "Cite this passage of paragraph " + passage.n);
    button.setAttribute("aria-expanded", "false");
    var cite = para.querySelector("button.cite-btn");
    if (button.parentNode !== para) para.insertBefore(button, cite ? cite.nextSibling : null);
    button.hidden = false;
    var r = range.getBoundingClientRect();
    var box = para.getBoundingClientRect();
    /* Just below the selection's end, inside the paragraph's width. */
    var left = Math.max(0, Math.min(r.right - box.left - 40, box.width - 130));
    button.style.left = left + "px";
    button.style.top = (r.bottom - box.top + 4) + "px";
  }

  var timer = 0;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  /* A tap on the button can clear the selection before its click: keep the passage meanwhile. */
  button.addEventListener("pointerdown", function (e) {
    pressing = true;
    if (e.pointerType === "mouse") e.preventDefault();  /* keeps the selection as it is */
  });
  button.addEventListener("click", function () {
    pressing = false;
    var cite = passage && passageCite(passage);
    if (cite) api.activate(button, cite);
  });
  document.addEventListener("pointerup", function () {
    setTimeout(function () { pressing = false; }, 400);
  });
})();
