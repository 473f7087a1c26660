/* Pages with the document's paragraphs: an entry links on its first mention in a section
   (render.PageWriter); later mentions (span[data-m]) link too for a reader who asks, and the
   choice is remembered. The control sits in the box that closes the section: no text moves. */
(function () {
  "use strict";
  var later = document.querySelectorAll("span[data-m]");
  var box = document.querySelector(".deals-with");
  if (!later.length || !box) return;
  var KEY = "edition.links";
  function first(id) {
    var a = document.querySelector('p.para a[href$="#' + id + '"]');
    return a && a.getAttribute("href");
  }
  function set(all) {
    later.forEach(function (span) {
      var a = span.firstChild;
      if (all && a.nodeName !== "A") {
        var href = first(span.getAttribute("data-m"));
        if (!href) return;
        a = document.createElement("a");
        a.href = href;
        while (span.firstChild) a.appendChild(span.firstChild);
        span.appendChild(a);
      } else if (!all && a.nodeName === "A" && span.childNodes.length === 1) {
        while (a.firstChild) span.appendChild(a.firstChild);
        a.remove();
      }
    });
    button.setAttribute("aria-pressed", String(all));
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button ed-links";
  button.textContent = "Link every mention";
  button.addEventListener("click", function () {
    var all = button.getAttribute("aria-pressed") !== "true";
    try { localStorage.setItem(KEY, all ? "all" : "first"); } catch (e) { /* private mode */ }
    set(all);
  });
  var p = document.createElement("p");
  p.appendChild(button);
  box.appendChild(p);
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; }
  set(saved === "all");
})();
