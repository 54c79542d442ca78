// The editor's report: select a claim to see its evidence, filter by state and kind.
// Reads only the report's own JSON and its own element ids; never builds HTML from text.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("factcheck-data").textContent);
  var claims = data.claims;
  var byN = {};
  claims.forEach(function (c, i) { c.i = i; byN[c.n] = c; });
  var body = document.body;
  var listView = document.getElementById("list-view");
  var detailNav = document.getElementById("detail-nav");
  var hidden = { state: {}, kind: {} };
  var current = null;

  function visible(c) { return !hidden.state[c.state] && !hidden.kind[c.kind]; }

  // Every fragment of every claim, found once, so opening a claim costs the same in any draft.
  var fragments = {};
  document.querySelectorAll("mark.c").forEach(function (m) {
    var n = m.getAttribute("data-n");
    (fragments[n] = fragments[n] || []).push(m);
  });
  function marks(n) { return fragments[n] || []; }

  function select(n, scrollText) {
    var c = byN[n];
    if (!c) { return; }
    if (current !== null) {
      document.getElementById("d" + current).hidden = true;
      marks(current).forEach(function (m) { m.classList.remove("sel"); });
    }
    current = n;
    listView.hidden = true;
    detailNav.hidden = false;
    var d = document.getElementById("d" + n);
    d.hidden = false;
    d.parentNode.scrollTop = 0;
    marks(n).forEach(function (m) { m.classList.add("sel"); });
    var first = document.getElementById("c" + n);
    if (scrollText && first) { first.scrollIntoView({ block: "center" }); }
    if (history.replaceState) { history.replaceState(null, "", "#c" + n); }
  }

  function showList() {
    if (current !== null) {
      document.getElementById("d" + current).hidden = true;
      marks(current).forEach(function (m) { m.classList.remove("sel"); });
    }
    current = null;
    listView.hidden = false;
    detailNav.hidden = true;
    if (history.replaceState) { history.replaceState(null, "", location.pathname + location.search); }
  }

  function step(dir) {
    var start = current === null ? (dir > 0 ? -1 : claims.length) : byN[current].i;
    for (var i = start + dir; i >= 0 && i < claims.length; i += dir) {
      if (visible(claims[i])) { select(claims[i].n, true); return; }
    }
  }

  function applyFilters() {
    ["state", "kind"].forEach(function (axis) {
      var prefix = axis === "state" ? "hide-s-" : "hide-k-";
      data[axis + "s"].forEach(function (v) { body.classList.toggle(prefix + v, !!hidden[axis][v]); });
    });
    document.querySelectorAll("[data-filter-state]").forEach(function (b) {
      b.setAttribute("aria-pressed", hidden.state[b.getAttribute("data-filter-state")] ? "false" : "true");
    });
    document.querySelectorAll("[data-filter-kind]").forEach(function (b) {
      b.setAttribute("aria-pressed", hidden.kind[b.getAttribute("data-filter-kind")] ? "false" : "true");
    });
    var shown = claims.filter(visible).length;
    document.getElementById("empty-filter").hidden = shown > 0;
    var preset = presetNow();
    document.querySelectorAll("[data-preset]").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-preset") === preset ? "true" : "false");
    });
  }

  function presetNow() {
    var kindsHidden = data.kinds.some(function (k) { return hidden.kind[k]; });
    if (kindsHidden) { return null; }
    var names = Object.keys(data.presets);
    for (var i = 0; i < names.length; i++) {
      var keep = data.presets[names[i]];
      var same = data.states.every(function (s) { return !hidden.state[s] === (keep.indexOf(s) >= 0); });
      if (same) { return names[i]; }
    }
    return null;
  }

  function usePreset(name) {
    var keep = data.presets[name] || data.states;
    hidden.state = {};
    hidden.kind = {};
    data.states.forEach(function (s) { if (keep.indexOf(s) < 0) { hidden.state[s] = true; } });
    applyFilters();
  }

  // The innermost visible claim under the pointer: a filtered-out claim passes the click on.
  function claimAt(node) {
    for (var m = node.closest("mark.c"); m; m = m.parentNode.closest("mark.c")) {
      var c = byN[m.getAttribute("data-n")];
      if (c && visible(c)) { return c; }
    }
    return null;
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    var act = t.closest("[data-act]");
    if (act) {
      var what = act.getAttribute("data-act");
      if (what === "list") { showList(); } else { step(what === "next" ? 1 : -1); }
      return;
    }
    var pick = t.closest("[data-pick]");
    if (pick) { select(pick.getAttribute("data-pick"), true); return; }
    var fs = t.closest("[data-filter-state]");
    if (fs) { var s = fs.getAttribute("data-filter-state"); hidden.state[s] = !hidden.state[s]; applyFilters(); return; }
    var fk = t.closest("[data-filter-kind]");
    if (fk) { var k = fk.getAttribute("data-filter-kind"); hidden.kind[k] = !hidden.kind[k]; applyFilters(); return; }
    var pr = t.closest("[data-preset]");
    if (pr) { usePreset(pr.getAttribute("data-preset")); return; }
    var c = claimAt(t);
    if (c) { select(c.n, false); }
  });

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var tag = e.target.tagName;
    if ((e.key === "Enter" || e.key === " ") && tag === "MARK") {
      var c = claimAt(e.target);
      if (c) { e.preventDefault(); select(c.n, false); }
    } else if (e.key === "j" || e.key === "ArrowDown" && e.shiftKey) {
      step(1);
    } else if (e.key === "k" || e.key === "ArrowUp" && e.shiftKey) {
      step(-1);
    } else if (e.key === "Escape") {
      showList();
    }
  });

  // The sticky bar's height decides where the panel may stick.
  function fitPanel() {
    var top = document.querySelector(".top");
    document.documentElement.style.setProperty("--top", (top.offsetHeight + 12) + "px");
  }
  window.addEventListener("resize", fitPanel);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more").forEach(function (d) { d.open = true; });
  });

  fitPanel();
  applyFilters();
  var m = /^#c(\d+)$/.exec(location.hash);
  if (m && byN[m[1]]) { select(m[1], true); }
})();
