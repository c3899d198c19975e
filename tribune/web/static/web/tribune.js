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

  // Behaviour that used to be inline handlers (the Content-Security-Policy allows no inline script).
  // <select data-submit-on-change>: choosing an option submits its form.
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-submit-on-change]") && target.form) {
      target.form.submit();
    }
  });
  // <form hx-post data-reset-after-request data-error-target=".sel">: an htmx form that is emptied
  // after a successful request, and shows the server's refusal text in the element named.
  function errorBox(form) {
    var selector = form.getAttribute("data-error-target");
    return selector ? form.querySelector(selector) : null;
  }
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches("form[data-reset-after-request]") || !event.detail.successful) { return; }
    form.reset();
    var box = errorBox(form);
    if (box) { box.textContent = ""; }
  });
  document.addEventListener("htmx:responseError", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches("form[data-error-target]")) { return; }
    var box = errorBox(form);
    if (box) { box.textContent = event.detail.xhr.responseText; }
  });
})();
