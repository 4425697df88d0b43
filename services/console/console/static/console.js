// The console's only script of its own (the Content-Security-Policy allows no inline script).
// A list that polls (data-poll) asks again only while its page is visible: a page left in a
// background tab costs the services nothing.
document.addEventListener("htmx:beforeRequest", function (event) {
  var elt = event.detail.elt;
  if (elt && elt.hasAttribute("data-poll") && document.visibilityState !== "visible") {
    event.preventDefault();
  }
});
