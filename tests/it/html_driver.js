// Test driver for the breach review page (tests/it/html_page.rs).
// Injected at the end of a copy of the page, after the page's own
// script; it works the controls as a coordinator would and writes what
// it saw as JSON into <pre id="plazo-test-results">, which the test
// reads from chromium's --dump-dom. window.PLAZO_TEST (set by the test
// in <head>) names the ticket to search for and to open; window.
// PLAZO_ERRORS (set in <head> before anything else runs) holds every
// error and console.error.
(function () {
  "use strict";
  var out = { errors: window.PLAZO_ERRORS };
  try {
    var cfg = window.PLAZO_TEST;
    var table = document.getElementById("tickets");
    var form = document.getElementById("filters");
    var search = document.getElementById("q");
    var visible = function () {
      return Array.prototype.filter.call(table.tBodies, function (tb) {
        return !tb.hidden && tb.getBoundingClientRect().height > 0;
      });
    };
    var ids = function () {
      return visible().map(function (tb) { return tb.rows[0].cells[0].textContent; });
    };
    var fire = function (el) { el.dispatchEvent(new Event("input", { bubbles: true })); };
    var reset = function () { document.getElementById("clear").click(); };
    out.total = visible().length;
    out.shown = document.getElementById("shown").textContent;
    // Each filter, option by option.
    out.filters = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) {
      var counts = {};
      Array.prototype.forEach.call(s.options, function (o) {
        if (o.value === "") { return; }
        s.value = o.value;
        fire(s);
        counts[o.value] = [visible().length, document.getElementById("shown").textContent];
      });
      reset();
      out.filters[s.getAttribute("data-filter")] = counts;
    });
    // The text search.
    search.value = cfg.search;
    fire(search);
    out.search = ids();
    out.searchTitle = visible().map(function (tb) { return tb.rows[0].cells[1].textContent; });
    reset();
    out.afterReset = visible().length;
    // Sorting: a click on a heading, then on another.
    var head = function (k) { return table.tHead.rows[0].cells[k]; };
    head(0).click();
    out.byTicket = ids();
    head(0).click();
    out.byTicketDesc = ids();
    head(10).click();
    out.byOverrun = ids();
    // Opening a timeline in place.
    var d = table.querySelector('details[data-ticket="' + cfg.open + '"]');
    var steps = d.querySelector("table.steps");
    out.closedVisible = steps.checkVisibility();
    out.closedHeight = d.getBoundingClientRect().height;
    d.querySelector("summary").click();
    out.open = d.open;
    out.openVisible = steps.checkVisibility();
    out.openHeight = d.getBoundingClientRect().height;
    out.timeline = Array.prototype.map.call(steps.tBodies[0].rows, function (tr) {
      return Array.prototype.map.call(tr.cells, function (td) { return td.textContent; });
    });
    out.marked = Array.prototype.map.call(steps.querySelectorAll("td[data-mark]"), function (td) {
      return td.parentNode.rowIndex;
    });
  } catch (e) {
    out.errors.push("driver: " + e + " " + (e.stack || ""));
  }
  var pre = document.createElement("pre");
  pre.id = "plazo-test-results";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
