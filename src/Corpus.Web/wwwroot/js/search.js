// Search page comfort: on a phone the filter panel starts folded, so the results are on the first screen.
// Without this script the panel is simply open.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 760px)").matches) {
    return;
  }
  var panels = document.querySelectorAll("details[data-fold-on-phone]");
  for (var i = 0; i < panels.length; i++) {
    panels[i].open = false;
  }
})();
