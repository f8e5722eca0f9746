/* Live preview for the article editor: progressive enhancement of the "Show preview" button.
   The preview comes from the server, made by the same renderer as publishing. */
(function () {
  "use strict";
  var form = document.getElementById("editor");
  var target = document.getElementById("preview");
  if (!form || !target || !window.fetch || !window.FormData) { return; }
  var timer = null, latest = 0;

  function refresh() {
    var ticket = ++latest;
    var data = new FormData(form);
    data.set("action", "preview");
    fetch(form.getAttribute("data-preview"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      if (ticket === latest) { target.innerHTML = html; }
    }).catch(function () { /* the button still works */ });
  }

  form.querySelector("textarea[name=source_text]").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  });
}());
