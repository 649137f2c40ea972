// The socket is on the host the browser used to reach this page (not an address fixed by the server),
// over wss when the page came over https (behind a proxy).  Runs before textual.js, which reads the
// attribute on window.onload.  A file, not an inline script, so the page's CSP can forbid inline code.
document.addEventListener("DOMContentLoaded", function () {
  var url = new URL("ws", window.location.href);
  url.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  document.querySelectorAll(".textual-terminal").forEach(function (element) {
    element.dataset.sessionWebsocketUrl = url.href;
  });
  document.querySelectorAll("button.restart").forEach(function (button) {
    button.addEventListener("click", function () {
      window.location.href = window.location.pathname;
    });
  });
});
