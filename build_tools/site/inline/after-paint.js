/* Every page: Material's scripts start once the page has painted, not before. */

/* Why (measured, README "Quality gates"): at the end of <body>, Material's bundle ran before the
   browser's first paint; on a phone (4x CPU) the text showed about 0.25 s later than with the
   bundle started after that paint. The theme's tags come held (build_tools/site/after_paint.py); they
   start here, in order, after the next frame. */
(function () {
  "use strict";
  var held = Array.prototype.slice.call(document.querySelectorAll("script[data-after-paint]"));

  function next() {
    var tag = held.shift();
    if (tag) {
      var script = document.createElement("script");
      script.src = tag.src;
      script.onload = next;
      tag.replaceWith(script);
    } else if (document.readyState != "loading") {
      // Material mounts on DOMContentLoaded alone (once), which has passed or is about to: it is
      // told now. If the browser's own event is still to come, Material no longer listens.
      document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
    }
  }

  if (!held.length) return;
  // A hidden tab paints nothing: its scripts start at once.
  if (document.hidden) next();
  else requestAnimationFrame(function () { setTimeout(next); });
})();
