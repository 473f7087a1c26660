/* Every page: an acronym's full name in a tooltip, drawn with Material's tooltip styles. */

/* By hand, not Material's content.tooltips: that feature mounts one tooltip per titled element
   as the page loads, about 1.2 ms each on a phone (4x CPU): 60 ms for a page of 46 acronyms.
   One listener for the page costs nothing until a reader points at, taps or tabs to an acronym.
   Between uses the title stays on the <abbr>, for assistive technology and the print view. */
(function () {
  "use strict";
  var tip, host, title, timer;

  function hide() {
    clearTimeout(timer);
    if (!host) return;
    host.title = title;
    host.removeAttribute("aria-describedby");
    tip.remove();
    tip = host = null;
  }

  function show(abbr) {
    clearTimeout(timer);
    if (abbr === host) return;
    hide();
    host = abbr;
    title = abbr.title;
    abbr.title = "";  // else the browser's own tooltip covers this one
    abbr.setAttribute("aria-describedby", "ed-tip");
    tip = document.createElement("div");
    tip.innerHTML = '<div id="ed-tip" class="md-tooltip2 md-tooltip2--bottom" role="tooltip">'
      + '<div class="md-tooltip2__inner md-typeset"></div></div>';
    tip = tip.firstChild;
    tip.firstChild.textContent = title;
    document.body.appendChild(tip);
    // Material's stylesheet places the tooltip from these: below the acronym, centred on it.
    var box = abbr.getBoundingClientRect();
    tip.style.cssText = "--md-tooltip-host-x:" + (box.left + scrollX) + "px;--md-tooltip-host-y:"
      + (box.top + scrollY) + "px;--md-tooltip-x:" + box.width / 2 + "px;--md-tooltip-y:"
      + (8 + box.height) + "px;--md-tooltip-tail:0;--md-tooltip-width:"
      + tip.firstChild.offsetWidth + "px";
    var shown = tip;
    requestAnimationFrame(function () {
      if (tip === shown) tip.classList.add("md-tooltip2--active");
    });
  }

  // For tap.js (pages with the document's text): a linked acronym's first tap.
  window.edTip = function (abbr, draw) { if (draw) show(abbr); return abbr === host ? tip : null; };

  function none() { return null; }
  function on(type, find) {
    addEventListener(type, function (e) {
      var abbr = find(e);
      if (abbr && (abbr === host || abbr.title) && abbr.closest(".md-content")) show(abbr);
      else if (e.key ? e.key === "Escape" : host) timer = setTimeout(hide, e.key ? 0 : 250);
    });
  }
  // A tap fires mouseover too; a linked acronym's first tap on a text page: tap.js.
  on("mouseover", function (e) { return e.target.closest && e.target.closest("abbr"); });
  on("focusin", function (e) {
    return e.target.matches && e.target.matches("a[href]") ? e.target.querySelector("abbr") : null;
  });
  on("focusout", none);
  on("keydown", none);
  on("resize", none);
})();
