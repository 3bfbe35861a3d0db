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
    events.forEach(function (li) {
      if (li.hidden || li.dataset.start < day) return;
      if (!target || li.dataset.start < target.dataset.start) target = li;
    });
    if (!target) target = events.filter(function (li) { return !li.hidden; }).pop();
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
})();
