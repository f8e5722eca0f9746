/* Search box suggestions: progressive enhancement of a plain GET form.
   Arrow keys move through the list, Enter opens the chosen article, Escape closes it. */
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
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
    fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/x-suggestions+json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && ticket === latest) { show(data); } })
      .catch(function () { /* the form still works without suggestions */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault(); mark((active + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].querySelector("a").href);
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
