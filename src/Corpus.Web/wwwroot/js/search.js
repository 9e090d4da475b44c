// Search page comfort; without this script everything still works.
(function () {
  "use strict";
  // On a phone the filter panel starts folded, so the results are on the first screen.
  if (window.matchMedia("(max-width: 760px)").matches) {
    var panels = document.querySelectorAll("details[data-fold-on-phone]");
    for (var i = 0; i < panels.length; i++) {
      panels[i].open = false;
    }
  }
  // Empty date fields stay out of the URL, so permalinks stay short.
  var form = document.querySelector("form.search-form");
  if (form) {
    form.addEventListener("submit", function () {
      var fields = form.querySelectorAll("input[name='from'], input[name='to']");
      for (var j = 0; j < fields.length; j++) {
        if (fields[j].value.trim() === "") {
          fields[j].disabled = true;
        }
      }
    });
    // A ticked or unticked facet applies at once (without script, the 应用筛选 button does it).
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target && target.closest && target.closest("fieldset[data-facet]")) {
        var page = form.querySelector("input[name='page']");
        if (page) {
          page.disabled = true;
        }
        form.requestSubmit();
      }
    });
  }
})();
