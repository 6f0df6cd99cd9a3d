// Moves focus to the error summary after a refused submission, so a screen-reader user hears what to fix first.
"use strict";
(() => {
  const summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) summary.focus();
})();
