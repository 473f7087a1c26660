/* Pages with the document's paragraphs: the ¶ control copies (or, on a phone, shares) the
   paragraph's permanent address, and an address to a paragraph the page lacks says so. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var base = config ? JSON.parse(config.textContent).base : ".";
  var local = location.protocol === "file:";
  var canonical = document.querySelector('link[rel="canonical"]');

  /* p/N/ under the site's own address (never the address bar's ?h= or #); from file:// the
     bundle's p/N.html, the one address that works there. */
  function address(n) {
    var from = local || !canonical ? location.href : canonical.href;
    return new URL(base + "/p/" + n + (local ? ".html" : "/"), from).href;
  }

  var toast = document.querySelector(".cite-toast"), timer = 0;  // cite.js's status region
  function say(message) {
    if (!toast) return;
    toast.firstChild.textContent = message;
    toast.classList.add("md-dialog--active");
    clearTimeout(timer);
    timer = setTimeout(function () { toast.classList.remove("md-dialog--active"); }, 3000);
  }

  /* execCommand where the clipboard API is missing or refused (file://, older browsers). */
  function legacy(text, near) {
    var area = document.createElement("textarea");
    area.value = text;
    area.className = "cite-offscreen";
    near.after(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    near.focus({ preventScroll: true });
    return ok;
  }
  function copy(text, near) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return legacy(text, near); });
    }
    return Promise.resolve(legacy(text, near));
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("p.para a.plink");
    if (!a) return;
    e.preventDefault();
    var n = a.closest("p.para").getAttribute("data-n");
    var url = address(n);
    var done = function (ok) {
      say(ok ? "Link to paragraph " + n + " copied"
             : "Could not copy the link to paragraph " + n + ": " + url);
    };
    // The phone's share sheet where there is one; a cancelled share is no failure.
    if (navigator.share && matchMedia("(pointer: coarse)").matches) {
      navigator.share({ title: document.title + " \u00b6 " + n, url: url }).catch(function (err) {
        if (!err || err.name !== "AbortError") copy(url, a).then(done);
      });
      return;
    }
    copy(url, a).then(done);
  });

  /* #para_N that this page does not hold: say so, and offer the concordance. */
  function missing() {
    var m = /^#para_(\d+)$/.exec(location.hash);
    var old = document.getElementById("ed-missing");
    if (old) old.remove();
    if (!m || document.getElementById("para_" + m[1])) return;
    var list = document.querySelector('.md-nav a[href*="concordance"]');
    var note = document.createElement("div");
    note.id = "ed-missing";
    note.className = "admonition warning";
    note.setAttribute("role", "alert");
    note.innerHTML = '<p class="admonition-title">No paragraph ' + m[1] + ' here</p><p>This page '
      + "has no paragraph " + m[1] + ". <a></a> lists every paragraph by number, with its page.</p>";
    var link = note.querySelector("a");
    link.textContent = "The paragraph concordance";
    if (list) link.href = list.getAttribute("href"); else link.remove();
    var h1 = document.querySelector(".md-content h1");
    if (h1) h1.after(note);
  }
  missing();
  addEventListener("hashchange", missing);
})();
