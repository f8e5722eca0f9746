/* Cyclopedia's one script, deferred; every part is a progressive enhancement of working HTML.
   - reading preferences (theme, text size) kept in localStorage, never in a cookie;
   - search box suggestions: arrows move through them, Enter opens one, Escape closes them;
   - section links that copy themselves; reference previews on hover and focus. */
(function () {
  "use strict";
  var root = document.documentElement;

  /* ---- Preferences ------------------------------------------------------------------- */
  var THEME = "cyclopedia-theme", SIZE = "cyclopedia-text-size";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }
  function systemTheme() { return dark && dark.matches ? "dark" : "light"; }
  function theme() { var chosen = load(THEME); return chosen === "dark" || chosen === "light" ? chosen : systemTheme(); }
  function size() { var n = parseInt(load(SIZE), 10); return n >= -1 && n <= 3 ? n : 0; }
  function apply() {
    var chosen = load(THEME);
    if (chosen === "dark" || chosen === "light") { root.setAttribute("data-theme", chosen); }
    else { root.removeAttribute("data-theme"); }
    if (size()) { root.setAttribute("data-text-size", String(size())); } else { root.removeAttribute("data-text-size"); }
    var buttons = document.querySelectorAll("[data-pref]");
    Array.prototype.forEach.call(buttons, function (button) {
      var pref = button.getAttribute("data-pref");
      if (pref === "theme") { button.setAttribute("aria-pressed", theme() === "dark" ? "true" : "false"); }
      if (pref === "smaller") { button.disabled = size() <= -1; }
      if (pref === "larger") { button.disabled = size() >= 3; }
    });
  }
  apply();
  var prefs = document.querySelector(".prefs");
  if (prefs) {
    prefs.hidden = false;
    prefs.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pref]");
      if (!button) { return; }
      var pref = button.getAttribute("data-pref");
      if (pref === "theme") {
        var next = theme() === "dark" ? "light" : "dark";
        save(THEME, next === systemTheme() ? null : next);  // back to the system's: follow it again
      } else {
        var n = size() + (pref === "larger" ? 1 : -1);
        save(SIZE, n ? String(Math.max(-1, Math.min(3, n))) : null);
      }
      apply();
    });
  }
  if (dark && dark.addEventListener) { dark.addEventListener("change", apply); }
  window.addEventListener("storage", apply);  // another tab changed them

  /* ---- Live status messages ------------------------------------------------------------- */
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  function announce(text) { status.textContent = ""; setTimeout(function () { status.textContent = text; }, 50); }

  /* ---- Search suggestions ---------------------------------------------------------------- */
  (function () {
    var input = document.querySelector("input[data-suggest]");
    if (!input || !window.fetch) { return; }
    var form = input.form;
    var list = document.createElement("ul");
    list.id = "site-search-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested articles");
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, latest = 0;

    function close() {
      list.hidden = true; list.textContent = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function mark(index) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }
    function show(data) {
      close();
      var titles = data[1] || [], descriptions = data[2] || [], urls = data[3] || [];
      titles.forEach(function (title, i) {
        var item = document.createElement("li");
        item.id = "suggestion-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var link = document.createElement("a");
        link.href = urls[i];
        link.tabIndex = -1;
        link.textContent = title;
        item.appendChild(link);
        if (descriptions[i]) {
          var note = document.createElement("span");
          note.className = "suggestions__note";
          note.textContent = descriptions[i];
          item.appendChild(note);
        }
        list.appendChild(item);
        items.push(item);
      });
      if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var ticket = ++latest;
      fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/x-suggestions+json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && ticket === latest) { show(data); } })
        .catch(function () { /* the form still works without suggestions */ });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 120); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault(); mark((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault(); close();  // only the list: the typed words stay
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].querySelector("a").href);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }());

  var article = document.querySelector(".article");
  if (!article) { return; }

  /* ---- Section links: a "#" after each heading; following it also copies the address ---- */
  Array.prototype.forEach.call(article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]"), function (heading) {
    if (heading.closest(".toc")) { return; }
    var link = document.createElement("a");
    link.className = "heading-anchor";
    link.href = "#" + heading.id;
    link.textContent = "#";
    link.setAttribute("lang", "en");
    link.setAttribute("aria-label", "Link to the section " + heading.textContent.trim());
    link.addEventListener("click", function () {
      var url = window.location.href.split("#")[0] + "#" + heading.id;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { announce("Link to the section copied."); }, function () {});
      }
    });
    heading.appendChild(link);
  });

  /* Print: show the address after a link only when its text is not that address already. */
  Array.prototype.forEach.call(article.querySelectorAll('a[href^="http"]'), function (link) {
    if (link.textContent.trim() === link.getAttribute("href")) { link.setAttribute("data-url-shown", ""); }
  });

  /* ---- Reference previews: the marker still jumps to its reference; this adds a peek ------ */
  var preview = document.createElement("div");
  preview.className = "ref-preview";
  preview.id = "ref-preview";
  preview.setAttribute("role", "tooltip");
  preview.hidden = true;
  document.body.appendChild(preview);
  var current = null, hideTimer = null;

  function markerOf(node) {
    var link = node && node.closest ? node.closest('sup.reference a[href^="#cite_note-"]') : null;
    return link && article.contains(link) ? link : null;
  }
  function hide() {
    clearTimeout(hideTimer);
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null; preview.hidden = true; preview.textContent = "";
  }
  function open(link) {
    clearTimeout(hideTimer);
    if (link === current) { return; }
    var note = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    var text = note && note.querySelector(".reference-text");
    if (!text) { return; }
    hide();
    var copy = text.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (el) { el.removeAttribute("id"); });
    var label = document.createElement("span");
    label.className = "ref-preview__number";
    label.textContent = link.textContent.trim() + " ";
    preview.appendChild(label);
    preview.appendChild(copy);
    preview.setAttribute("dir", window.getComputedStyle(note).direction);
    preview.hidden = false;
    current = link;
    link.setAttribute("aria-describedby", preview.id);
    var box = link.getBoundingClientRect(), width = preview.offsetWidth;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, viewport - width - 8));
    var top = box.bottom + 6;
    if (top + preview.offsetHeight > window.innerHeight && box.top - preview.offsetHeight - 6 > 0) {
      top = box.top - preview.offsetHeight - 6;  // no room below: above the marker
    }
    preview.style.left = (left + window.pageXOffset) + "px";
    preview.style.top = (top + window.pageYOffset) + "px";
  }
  function later() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 250); }

  article.addEventListener("mouseover", function (event) { var link = markerOf(event.target); if (link) { open(link); } });
  article.addEventListener("mouseout", function (event) { if (markerOf(event.target)) { later(); } });
  article.addEventListener("focusin", function (event) { var link = markerOf(event.target); if (link) { open(link); } });
  article.addEventListener("focusout", function (event) { if (markerOf(event.target)) { later(); } });
  article.addEventListener("click", function (event) { if (markerOf(event.target)) { hide(); } });
  preview.addEventListener("mouseover", function () { clearTimeout(hideTimer); });
  preview.addEventListener("mouseout", later);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
}());
