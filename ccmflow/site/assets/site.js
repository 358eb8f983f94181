// ccmflow dashboard: the countdown to the next deadline and the search, in plain JavaScript.
// Nothing is fetched: the deadlines and the search index are in the page, as JSON the build wrote.
(function () {
  "use strict";

  // The clock: ?now=ISO (for tests and for reading the page as of another day), else the visitor's clock.
  function clock() {
    var given = new URLSearchParams(window.location.search).get("now") || document.documentElement.dataset.now;
    if (given) {
      var fixed = Date.parse(given);
      if (!isNaN(fixed)) { return { now: function () { return fixed; }, fixed: true }; }
    }
    return { now: function () { return Date.now(); }, fixed: false };
  }

  function data(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function plural(count, unit) { return count + " " + unit + (count === 1 ? "" : "s"); }

  // The two largest units, as the command line says it: "3 days 4 hours", "12 minutes 5 seconds".
  function duration(ms) {
    var seconds = Math.floor(Math.abs(ms) / 1000);
    var units = [["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
    var parts = [];
    units.forEach(function (unit) {
      var count = Math.floor(seconds / unit[1]);
      seconds -= count * unit[1];
      if (count || parts.length) { parts.push([count, unit[0]]); }
    });
    var shown = parts.slice(0, 2).filter(function (p) { return p[0] !== 0; });
    return shown.length ? shown.map(function (p) { return plural(p[0], p[1]); }).join(" ") : "0 seconds";
  }

  function format(ms, zone) {
    var options = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
                    second: "2-digit", hourCycle: "h23", timeZoneName: "short" };
    if (zone) { options.timeZone = zone; }
    return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms));
  }

  function line(parent, tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) { element.className = className; }
    parent.appendChild(element);
    return element;
  }

  function countdown(time) {
    var box = document.getElementById("countdown");
    var deadlines = data("deadlines");
    if (!box || !deadlines) { return; }
    var zone = box.dataset.zone;
    var target = box.querySelector(".next");
    function render() {
      var now = time.now();
      var next = deadlines.find(function (d) { return Date.parse(d.closes) > now; });
      target.textContent = "";
      if (!next) {
        line(target, "p", "No deadline is coming: every announced window has closed.", "next-title");
        return;
      }
      var closes = Date.parse(next.closes);
      line(target, "p", next.title, "next-title");
      var p = line(target, "p", "Closes ");
      line(p, "span", format(closes, zone), "when-conf");
      p.appendChild(document.createTextNode(" conference time (" + zone + "), in "));
      line(p, "span", duration(closes - now), "left");
      p.appendChild(document.createTextNode("."));
      var yours = line(target, "p", "In your time: ");
      line(yours, "span", format(closes, undefined), "when-local");
      line(target, "p", "As of " + format(now, zone) + (time.fixed ? " (fixed clock)" : ""), "small now");
      box.dataset.next = next.id;
    }
    render();
    if (!time.fixed) { window.setInterval(render, 1000); }
  }

  // Marks milestones past, today's, and the next one, by the visitor's clock (the build marked them as of its own
  // time). Only a milestone known to the day is "today"; an approximate one still to come can be "next".
  function timeline(time) {
    var items = document.querySelectorAll(".timeline li[data-end]");
    var now = time.now();
    var nextSeen = false;
    items.forEach(function (item) {
      var past = Date.parse(item.dataset.end) < now;
      var today = !past && item.hasAttribute("data-exact") && Date.parse(item.dataset.start) <= now;
      item.classList.toggle("past", past);
      var isNext = !past && !today && !nextSeen;
      if (isNext) { nextSeen = true; }
      item.classList.toggle("next", isNext);
      item.classList.toggle("today", today);
      var mark = today ? "today" : isNext ? "next" : "";
      var marker = item.querySelector(".marker");
      if (marker && marker.textContent !== mark) { marker.remove(); marker = null; }
      if (mark && !marker) { line(item.querySelector(".what"), "span", mark, "marker"); }
    });
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function search() {
    var entries = data("search-index");
    var results = document.getElementById("results");
    var status = document.getElementById("search-status");
    if (!entries || !results || !status) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("q");
    if (input) { input.value = query; }
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return; }
    var found = entries.filter(function (e) {
      var text = fold(e.x + " " + e.i + " " + e.s);
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    status.textContent = found.length + (found.length === 1 ? " paragraph" : " paragraphs") + " found for “" +
      query + "”.";
    found.slice(0, 200).forEach(function (e) {
      var item = document.createElement("li");
      item.lang = e.l;
      var link = line(item, "a", (e.n ? e.n + " " : "") + "(" + e.i + ")");
      link.href = e.u;
      line(item, "span", e.d + " · " + e.s, "where");
      line(item, "span", e.x.length > 320 ? e.x.slice(0, 317) + "…" : e.x);
      results.appendChild(item);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var time = clock();
    countdown(time);
    timeline(time);
    search();
  });
})();
