// Large text at once, without reloading the page: the same cookie the no-JavaScript form sets, so the server renders the
// next page large too. Only CSS changes (a class on <html>); nothing about the citizen is sent anywhere.
"use strict";
(() => {
  const toggle = document.getElementById("text-size");
  if (!toggle) return;
  toggle.addEventListener("click", event => {
    event.preventDefault();
    const large = document.documentElement.classList.toggle("large-text");
    document.cookie = large ? "bp-text=large; path=/; max-age=31536000; samesite=lax" : "bp-text=; path=/; max-age=0; samesite=lax";
    try { localStorage.setItem("borgerpuls.largeText", large ? "1" : "0"); } catch (e) { /* private mode */ }
    toggle.setAttribute("aria-pressed", large ? "true" : "false");
  });
})();
