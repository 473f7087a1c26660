/* Pages with the document's paragraphs or a section's citation (build_tools/site/inline.py). */

/* Cite (issue 4): a paragraph's or a section's cite button copies its citation at once and opens
   a panel with the same as BibTeX and CSL-JSON. The citations come from the page's data block
   (script.cite-data, generated from content/edition.yml); nothing here knows the document. */
(function () {
  "use strict";
  var blocks = document.querySelectorAll("script.cite-data");
  var buttons = document.querySelectorAll("button.cite-btn[data-cite]");
  if (!blocks.length || !buttons.length) return;
  var data = { token: "", templates: {}, paras: {}, items: {} };
  blocks.forEach(function (el) {
    var d = JSON.parse(el.textContent);
    data.token = d.token;
    Object.assign(data.templates, d.templates);
    Object.assign(data.paras, d.paras);
    Object.assign(data.items, d.items);
  });
  var FORMATS = [["text", "Citation", "citation"], ["bibtex", "BibTeX", "BibTeX"],
                 ["csl", "CSL-JSON", "CSL-JSON"]];

  /* The page carries CSL-JSON compact; readers get it indented as the build writes it. */
  function indented(formats) {
    var out = Object.assign({}, formats);
    if (out.csl) out.csl = JSON.stringify(JSON.parse(out.csl), null, 2) + "\n";
    return out;
  }

  function citation(key) {
    if (data.items[key]) return indented(data.items[key]);
    var n = key.replace(/^p/, "");
    var tpl = data.templates[data.paras[n]];
    if (!tpl) return null;
    var out = {};
    Object.keys(tpl).forEach(function (k) { out[k] = tpl[k].split(data.token).join(n); });
    return indented(out);
  }

  /* execCommand: the clipboard API is missing or refused (file://, old browsers). */
  function legacyCopy(text, host) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-offscreen";
    host.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    host.removeChild(area);
    return ok;
  }

  function copy(text, origin) {
    var restore = function (ok) { origin.focus({ preventScroll: true }); return ok; };
    var host = origin.parentNode;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return restore(legacyCopy(text, host)); });
    }
    return Promise.resolve(restore(legacyCopy(text, host)));
  }

  /* The confirmation: Material's snackbar look, in a polite live region of our own. */
  var toast = document.createElement("div");
  toast.className = "md-dialog cite-toast";
  toast.setAttribute("role", "status");
  toast.setAttribute("aria-live", "polite");
  var toastText = document.createElement("div");
  toastText.className = "md-dialog__inner md-typeset";
  toast.appendChild(toastText);
  document.body.appendChild(toast);
  var toastTimer = 0;
  function say(message) {
    toastText.textContent = message;
    toast.classList.add("md-dialog--active");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.classList.remove("md-dialog--active"); }, 4000);
  }

  var panel = document.createElement("div");
  panel.id = "cite-panel";
  panel.className = "cite-panel";
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-labelledby", "cite-panel-title");
  panel.hidden = true;
  var title = document.createElement("p");
  title.id = "cite-panel-title";
  title.className = "cite-panel__title";
  panel.appendChild(title);
  var fields = {};
  FORMATS.forEach(function (f) {
    var box = document.createElement("div");
    box.className = "cite-panel__format";
    var label = document.createElement("label");
    label.htmlFor = "cite-panel-" + f[0];
    label.textContent = f[1];
    var area = document.createElement("textarea");
    area.id = "cite-panel-" + f[0];
    area.readOnly = true;
    area.spellcheck = false;
    area.rows = f[0] === "text" ? 4 : 6;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cite-panel__copy";
    button.textContent = "Copy " + f[2];
    button.addEventListener("click", function () {
      copy(area.value, button).then(function (ok) {
        say(ok ? f[1] + " copied" : "Could not copy: select the text and copy it");
      });
    });
    fields[f[0]] = area;
    box.appendChild(label);
    box.appendChild(area);
    box.appendChild(button);
    panel.appendChild(box);
  });
  var close = document.createElement("button");
  close.type = "button";
  close.className = "md-button cite-panel__close";
  close.textContent = "Close";
  panel.appendChild(close);
  var opener = null;

  function hide() {
    panel.hidden = true;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
    opener = null;
  }
  close.addEventListener("click", hide);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); hide(); }
  });

  function open(button, cite) {
    if (opener && opener !== button) opener.setAttribute("aria-expanded", "false");
    opener = button;
    title.textContent = "Cite " + cite.label;
    FORMATS.forEach(function (f) { fields[f[0]].value = cite[f[0]]; });
    var anchor = button.closest("p.para") || button.closest(".cite-section") || button;
    anchor.insertAdjacentElement("afterend", panel);
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
  }

  buttons.forEach(function (button) {
    var cite = citation(button.getAttribute("data-cite"));
    if (!cite) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (opener === button && !panel.hidden) { hide(); return; }
      copy(cite.text, button).then(function (ok) {
        say(ok ? "Citation of " + cite.label + " copied"
               : "Could not copy: select the citation below and copy it");
      });
      open(button, cite);
    });
  });
})();
