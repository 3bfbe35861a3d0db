/* Progressive enhancement for timeline pages: filter by person, topic and status, search the
   text, and jump to a date. Without this script every event is simply listed. */
(function () {
  "use strict";
  // evidence view: open an expression's explanation leftwards when it would leave the screen
  function placeTip(e) {
    var mark = e.target;
    if (!mark || !mark.classList || !mark.classList.contains("timex")) return;
    var room = window.innerWidth - mark.getBoundingClientRect().left;
    mark.classList.toggle("tip-end", room < 360);
  }
  document.addEventListener("focusin", placeTip);
  document.addEventListener("mouseover", placeTip);

  // a long timeline's index: jumping to a date opens that year's page, which then jumps to it
  var jumpForm = document.getElementById("jump");
  if (jumpForm) {
    jumpForm.hidden = false;
    jumpForm.addEventListener("change", function () {
      var day = jumpForm.elements.namedItem("date").value;
      if (!day) return;
      var links = Array.prototype.slice.call(document.querySelectorAll("a[data-year]"));
      var year = Number(day.slice(0, 4));
      var best = links[0] || null; // years ascend: keep the last one not after the date
      links.forEach(function (a) { if (Number(a.dataset.year) <= year) best = a; });
      if (best) location.href = best.href + "?date=" + encodeURIComponent(day);
    });
    jumpForm.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  var form = document.getElementById("filters");
  if (!form) return;
  var events = Array.prototype.slice.call(document.querySelectorAll("#timeline .event"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("#timeline [data-group]"));
  var count = document.getElementById("f-count");
  var texts = events.map(function (li) { return li.textContent.toLowerCase(); });
  form.hidden = false;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && field.value ? field.value : "";
  }

  function has(list, slug) {
    return (" " + list + " ").indexOf(" " + slug + " ") !== -1;
  }

  function apply() {
    var words = value("q").toLowerCase().split(/\s+/).filter(Boolean);
    var person = value("person");
    var tag = value("tag");
    var statuses = {};
    form.querySelectorAll('input[name="status"]').forEach(function (box) {
      statuses[box.value] = box.checked;
    });
    var shown = 0;
    events.forEach(function (li, i) {
      var ok = statuses[li.dataset.status] !== false &&
        (!person || has(li.dataset.people, person)) &&
        (!tag || has(li.dataset.tags, tag)) &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    // innermost groups first, so a month with no visible day is hidden too
    groups.slice().reverse().forEach(function (g) {
      g.hidden = !g.querySelector(".event:not([hidden])");
    });
    count.textContent = shown === events.length ? events.length + " events" :
      shown + " of " + events.length + " events";
    var params = new URLSearchParams();
    if (words.length) params.set("q", value("q"));
    if (person) params.set("person", person);
    if (tag) params.set("tag", tag);
    var query = params.toString();
    history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
  }

  function jump() {
    var day = value("date");
    if (!day) return;
    var target = null;
    // a season or a year spans months: land on the first dated month or day instead
    var precise = events.filter(function (li) { return li.closest(".month"); });
    precise.forEach(function (li) {
      if (li.hidden || li.dataset.start < day) return;
      if (!target || li.dataset.start < target.dataset.start) target = li;
    });
    if (!target) {
      // later than this page: a long year continues on the next numbered page
      var current = document.querySelector('.pager [aria-current="page"]');
      var next = current && current.parentNode.nextElementSibling;
      if (next && next.querySelector("a")) {
        location.href = next.querySelector("a").href.split("?")[0] + "?date=" + day;
        return;
      }
      target = events.filter(function (li) { return !li.hidden; }).pop();
    }
    if (!target) return;
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  // a shared link such as ?person=vladimir-putin opens with that filter set
  var initial = new URLSearchParams(location.search);
  ["q", "person", "tag"].forEach(function (name) {
    var field = form.elements.namedItem(name);
    if (field && initial.get(name)) field.value = initial.get(name);
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", function (e) {
    if (e.target && e.target.name === "date") jump(); else apply();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); jump(); });
  apply();
  var dateField = form.elements.namedItem("date");
  if (dateField && /^\d{4}-\d{2}-\d{2}$/.test(initial.get("date") || "")) {
    dateField.value = initial.get("date");
    jump();
  }
})();
