// plazo: the breach review page's filters, search and sort. Vanilla
// JavaScript, no library, no network. Without it the page still shows
// every row and each timeline opens (they are <details> elements).
(function () {
  "use strict";
  var table = document.getElementById("tickets");
  if (!table) { return; }
  var form = document.getElementById("filters");
  var selects = form.querySelectorAll("select[data-filter]");
  var search = document.getElementById("q");
  var shown = document.getElementById("shown");
  var bodies = function () {
    return Array.prototype.slice.call(table.tBodies);
  };

  // Shows the tickets every filter and the search keep; returns how
  // many are shown.
  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    bodies().forEach(function (tb) {
      var keep = true;
      for (var i = 0; i < selects.length && keep; i++) {
        var s = selects[i];
        if (s.value !== "" && tb.getAttribute("data-" + s.getAttribute("data-filter")) !== s.value) {
          keep = false;
        }
      }
      var q = tb.getAttribute("data-q");
      for (var j = 0; j < words.length && keep; j++) {
        if (q.indexOf(words[j]) < 0) { keep = false; }
      }
      tb.hidden = !keep;
      if (keep) { n++; }
    });
    shown.textContent = String(n);
    return n;
  }

  // Sorts the tickets by column `th` (again: the other way round).
  function sortBy(th) {
    var col = Number(th.getAttribute("data-col"));
    var key = th.getAttribute("data-sort");
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var value = key.indexOf("num:") === 0
      ? function (tb) { return Number(tb.getAttribute("data-" + key.slice(4))); }
      : function (tb) { return tb.rows[0].cells[col].textContent; };
    var rows = bodies().map(function (tb, k) { return [value(tb), k, tb]; });
    rows.sort(function (a, b) {
      var c = typeof a[0] === "number" ? a[0] - b[0]
        : a[0].localeCompare(b[0], document.documentElement.lang, { numeric: true });
      return c !== 0 ? dir * c : a[1] - b[1];
    });
    rows.forEach(function (r) { table.appendChild(r[2]); });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("clear").addEventListener("click", function () {
    form.reset();
    apply();
  });
  var heads = table.tHead.rows[0].cells;
  for (var i = 0; i < heads.length; i++) {
    heads[i].addEventListener("click", function () { sortBy(this); });
    heads[i].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(this); }
    });
  }
  // For scripts (the test driver): the same operations by name.
  window.plazoPage = { apply: apply, sortBy: sortBy };
  apply();
})();
