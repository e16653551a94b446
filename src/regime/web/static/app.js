/* Small enhancements; every page reads and works without them. */
"use strict";

/* Let htmx swap error responses too: the server sends the message as a fragment. */
document.addEventListener("DOMContentLoaded", function () {
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "[45]..", swap: true, error: true },
    ];
  }
  tick();
  setInterval(tick, 1000);
});

/* Deadlines count down: <time data-deadline="2024-03-18T23:59:59Z"> shows the time left. */
function tick() {
  document.querySelectorAll("[data-deadline]").forEach(function (el) {
    var left = Date.parse(el.getAttribute("data-deadline")) - Date.now();
    var out = el.querySelector(".countdown") || el;
    if (isNaN(left)) return;
    if (left <= 0) { out.textContent = "deadline passed"; el.classList.add("overdue"); return; }
    var s = Math.floor(left / 1000), d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600);
    var m = Math.floor((s % 3600) / 60), sec = s % 60;
    out.textContent = d + "d " + h + "h " + m + "m " + sec + "s left";
  });
}
document.addEventListener("htmx:afterSwap", tick);
