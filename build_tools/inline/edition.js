/* Every page: the edition's fixes to Material's markup, inline after Material's script. */

/* Accessible names Material's templates leave out (overriding its templates would copy them
 * whole): the search dialog, and the toggles of sections that have their own page
 * (navigation.indexes), whose empty labels also name the nested navigation landmarks. */
(function () {
  "use strict";
  function name() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var input = document.querySelector(".md-search__input[aria-label]");
    if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    document.querySelectorAll("label.md-nav__link[id$='_label']").forEach(function (label) {
      if (label.textContent.trim()) return;
      var link = label.parentElement && label.parentElement.querySelector("a.md-nav__link");
      if (!link || !link.textContent.trim()) return;
      // Text, not aria-label (which a <label> may not carry): hidden to the eye, read aloud.
      var text = document.createElement("span");
      text.className = "ed-sr-only";
      text.textContent = link.textContent.trim().replace(/\s+/g, " ");
      label.appendChild(text);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();
