/* The 404 page: an address to a paragraph that does not exist (p/N/, p/N.html) says so. */
(function () {
  "use strict";
  var m = /\/p\/(\d+)(?:\/|\.html)?$/.exec(location.pathname);
  var line = document.getElementById("ed-notfound");
  if (!m || !line) return;
  line.textContent = "There is no paragraph " + m[1] + ": the document's paragraphs are numbered 1 to "
    + line.getAttribute("data-paragraphs") + ". The concordance below lists them all.";
})();
