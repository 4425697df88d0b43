// The console's only script of its own (the Content-Security-Policy allows no inline script).
// A list that polls (data-poll) asks again only while its page is visible, so a page left in a
// background tab costs the services nothing, and only while nobody is working in it: a poll
// would otherwise replace a reason half typed, or the button under the pointer.
function inUse(elt) {
  if (elt.contains(document.activeElement)) {
    return true;
  }
  var fields = elt.querySelectorAll("input, textarea, select");
  for (var i = 0; i < fields.length; i++) {
    var field = fields[i];
    if (field.type === "hidden") {
      continue;
    }
    if (field.tagName === "SELECT") {
      for (var j = 0; j < field.options.length; j++) {
        if (field.options[j].selected !== field.options[j].defaultSelected) {
          return true;
        }
      }
    } else if (field.type === "checkbox" || field.type === "radio") {
      if (field.checked !== field.defaultChecked) {
        return true;
      }
    } else if (field.value !== field.defaultValue) {
      return true;
    }
  }
  return false;
}

document.addEventListener("htmx:beforeRequest", function (event) {
  var elt = event.detail.elt;
  if (elt && elt.hasAttribute("data-poll") && (document.visibilityState !== "visible" || inUse(elt))) {
    event.preventDefault();
  }
});

// A form sent says so at once (the services may take a moment), and its buttons wait: a second
// click does not send it again (the form's Idempotency-Key would make it harmless anyway).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (event.defaultPrevented || form.getAttribute("aria-busy") === "true") {
    if (form.getAttribute("aria-busy") === "true") {
      event.preventDefault();
    }
    return;
  }
  form.setAttribute("aria-busy", "true");
  var busy = document.getElementById("busy");
  if (busy) {
    busy.hidden = false;
  }
});

// Back to a page from the browser's cache: nothing is being sent any more.
window.addEventListener("pageshow", function () {
  var forms = document.querySelectorAll("form[aria-busy]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].removeAttribute("aria-busy");
  }
  var busy = document.getElementById("busy");
  if (busy) {
    busy.hidden = true;
  }
});
