// Hit navigation on the document page: n / p keys and the previous/next links follow the current hit.
// Without this script the links and the #hit-N fragments still work; it only keeps "第 3 / 12 处" current.
(function () {
  "use strict";
  var nav = document.querySelector(".hit-nav");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hit[id^='hit-']"));
  if (!nav || marks.length === 0) {
    return;
  }
  // The per-hit links next to each mark are the no-script way to step; the bar above replaces them.
  document.documentElement.classList.add("js");
  var status = document.getElementById("hit-status");
  var previous = document.getElementById("hit-prev");
  var next = document.getElementById("hit-next");
  var total = marks.length;
  var current = 0; // 1-based; 0 before any hit was visited

  function fromHash() {
    var match = /^#hit-(\d+)$/.exec(window.location.hash);
    var n = match ? parseInt(match[1], 10) : 0;
    return n >= 1 && n <= total ? n : 0;
  }

  function show(n, focus) {
    current = n;
    var before = n <= 1 ? total : n - 1;
    var after = n === 0 || n >= total ? 1 : n + 1;
    previous.setAttribute("href", "#hit-" + (n === 0 ? total : before));
    next.setAttribute("href", "#hit-" + after);
    if (n > 0) {
      status.textContent = "第 " + n + " / " + total + " 处";
      if (focus) {
        marks[n - 1].focus({ preventScroll: true });
      }
    }
  }

  function go(n) {
    var wrapped = ((n - 1 + total) % total) + 1;
    if (window.location.hash === "#hit-" + wrapped) {
      show(wrapped, true);
    } else {
      window.location.hash = "#hit-" + wrapped; // scrolls, sets :target, and fires hashchange
    }
  }

  window.addEventListener("hashchange", function () {
    var n = fromHash();
    if (n > 0) {
      show(n, true);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    if (event.key === "n" || event.key === "N") {
      event.preventDefault();
      go(current + 1);
    } else if (event.key === "p" || event.key === "P") {
      event.preventDefault();
      go(current === 0 ? total : current - 1);
    }
  });

  show(fromHash(), fromHash() > 0);
})();
