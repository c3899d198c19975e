/* Tribune: what htmx does not do by itself. Loaded on every page after htmx. */
(function () {
  "use strict";

  // A refused or failed htmx request must not fail silently: show the page's message bar.
  function showError(text) {
    var main = document.querySelector("main.page");
    if (!main) { return; }
    var bar = main.querySelector(".messages");
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "messages";
      main.insertBefore(bar, main.firstChild);
    }
    var message = document.createElement("div");
    message.className = "message error";
    message.setAttribute("role", "alert");
    message.textContent = text;
    bar.appendChild(message);
    message.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var body = document.body.dataset;
    var text = { 403: body.errorForbidden, 404: body.errorNotfound, 409: body.errorConflict }[status] || body.errorOther;
    showError(text);
  });
  document.addEventListener("htmx:sendError", function () {
    showError(document.body.dataset.errorNetwork);
  });
})();
