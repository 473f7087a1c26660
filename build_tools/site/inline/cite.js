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
  /* The citation in the reader's style (the edition's own form first, then the CSL styles the
     build rendered with citeproc-py), and the forms reference managers read. */
  var STYLES = [["text", "Edition"], ["chicago", "Chicago (note)"], ["apa", "APA 7"],
                ["mla", "MLA 9"], ["oscola", "OSCOLA"]];
  var FORMATS = [["text", "Citation", "citation"], ["bibtex", "BibTeX", "BibTeX"],
                 ["csl", "CSL-JSON", "CSL-JSON"]];
  var root = "";  /* the site's root, relative to this page (Material's config block) */
  try {
    var cfg = document.getElementById("__config");
    if (cfg) root = (JSON.parse(cfg.textContent).base || ".").replace(/\/?$/, "/");
  } catch (e) { root = ""; }

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
    if (!panel.hidden) { status.textContent = message; return; }
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
  /* Messages in the panel itself, under its title: they cover nothing. */
  var status = document.createElement("p");
  status.className = "cite-panel__status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  panel.appendChild(status);
  var current = null;
  var fields = {};
  var more = document.createElement("details");
  more.className = "cite-panel__more";
  var summary = document.createElement("summary");
  summary.textContent = "For reference managers: BibTeX, CSL-JSON, RIS";
  more.appendChild(summary);
  var choice = document.createElement("select");
  choice.id = "cite-panel-style";
  STYLES.forEach(function (s) {
    var option = document.createElement("option");
    option.value = s[0];
    option.textContent = s[1];
    choice.appendChild(option);
  });
  function fit(area) {  /* the whole citation in view, at any width: no scrolling box */
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 2 + "px";
  }
  FORMATS.forEach(function (f) {
    var box = document.createElement("div");
    box.className = "cite-panel__format cite-panel__format--" + f[0];
    var label = document.createElement("label");
    label.htmlFor = "cite-panel-" + f[0];
    label.textContent = f[1];
    var area = document.createElement("textarea");
    area.id = "cite-panel-" + f[0];
    area.readOnly = true;
    area.spellcheck = false;
    area.rows = f[0] === "text" ? 3 : 6;
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
    if (f[0] === "text") {
      var styleLabel = document.createElement("label");
      styleLabel.htmlFor = choice.id;
      styleLabel.textContent = "Style";
      styleLabel.className = "cite-panel__style-label";
      box.appendChild(styleLabel);
      box.appendChild(choice);
    }
    box.appendChild(label);
    box.appendChild(area);
    box.appendChild(button);
    (f[0] === "text" ? panel : more).appendChild(box);
  });
  var ris = document.createElement("a");
  ris.className = "md-button cite-panel__ris";
  ris.textContent = "Download RIS";
  more.appendChild(ris);
  more.addEventListener("toggle", function () {
    if (more.open) { fit(fields.bibtex); fit(fields.csl); }
  });
  panel.appendChild(more);
  /* The reader's style is kept for the next citation (where the browser lets a page keep it). */
  var KEEP = "edition-cite-style";
  try {
    var kept = localStorage.getItem(KEEP);
    if (kept && STYLES.some(function (s) { return s[0] === kept; })) choice.value = kept;
  } catch (e) { /* storage refused (file://, private mode): the edition's form first */ }
  choice.addEventListener("change", function () {
    try { localStorage.setItem(KEEP, choice.value); } catch (e) { /* not kept */ }
    if (!current) return;
    fields.text.value = current[choice.value] || current.text;
    fit(fields.text);
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
    current = cite;
    title.textContent = "Cite " + cite.label;
    status.textContent = "";
    FORMATS.forEach(function (f) { fields[f[0]].value = cite[f[0]]; });
    if (choice.value !== "text" && cite[choice.value]) fields.text.value = cite[choice.value];
    ris.hidden = !cite.ris_file;
    if (cite.ris_file) {
      ris.href = root + cite.ris_file;
      ris.setAttribute("download", cite.ris_file.split("/").pop());
    }
    var anchor = button.closest("p.para") || button.closest(".cite-section") || button;
    anchor.insertAdjacentElement("afterend", panel);
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    fit(fields.text);
    if (more.open) { fit(fields.bibtex); fit(fields.csl); }
  }

  buttons.forEach(function (button) {
    var cite = citation(button.getAttribute("data-cite"));
    if (!cite) return;
    button.hidden = false;
    button.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && opener === button && !panel.hidden) {
        event.preventDefault();
        hide();
      }
    });
    button.addEventListener("click", function () {
      if (opener === button && !panel.hidden) { hide(); return; }
      activate(button, cite);
    });
  });

  /* Copy a citation and open the panel with it, beside the control that asked. */
  function activate(button, cite) {
    copy(cite[choice.value] || cite.text, button).then(function (ok) {
      say(ok ? "Citation of " + cite.label + " copied"
             : "Could not copy: select the citation below and copy it");
    });
    open(button, cite);
  }
  /* For passage.js ("cite this passage"): the same citations, panel and messages. */
  window.editionCite = { citation: citation, activate: activate };
})();
