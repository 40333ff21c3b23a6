// zonekg explorer: the only script. Every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Home page: filter the lists of zones and officials as one types.
  var box = document.querySelector("input[data-filter]");
  if (box) {
    box.addEventListener("input", function () {
      var q = box.value.trim();
      document.querySelectorAll("[data-filterable] li").forEach(function (li) {
        li.hidden = q !== "" && li.textContent.indexOf(q) < 0;
      });
    });
  }
  // SPARQL editor: Ctrl+Enter (or Cmd+Enter) runs the query.
  var editor = document.querySelector("textarea[name=query]");
  if (editor) {
    editor.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        editor.form.submit();
      }
    });
  }
});
