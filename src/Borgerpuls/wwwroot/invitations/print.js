// The invitation's print button (staff page): shown only when JavaScript can print; the browser's own print works anyway.
"use strict";
(() => {
  const button = document.getElementById("print");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
})();
