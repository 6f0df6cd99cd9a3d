// Paper entry grid (staff page): Enter moves to the next cell, and from a row's last cell to the next row's first, as in a
// spreadsheet; Shift+Enter moves back. Without this script Enter submits the form (the browser's implicit submission),
// which saves half-typed stacks by accident. From the grid's last cell Enter moves to the save button, so saving stays one
// deliberate key press away.
"use strict";
(() => {
  const grid = document.querySelector("form.paper-grid");
  if (!grid) return;
  const save = grid.querySelector("button[type=submit]");
  grid.addEventListener("keydown", (event) => {
    const cell = event.target;
    if (event.key !== "Enter" || event.isComposing || !(cell instanceof HTMLInputElement) || !cell.closest("table")) return;
    event.preventDefault();
    const cells = Array.from(grid.querySelectorAll("table input:not([type=hidden])"));
    const next = cells[cells.indexOf(cell) + (event.shiftKey ? -1 : 1)];
    if (next) {
      next.focus();
      next.select();
    } else if (!event.shiftKey && save) {
      save.focus();
    }
  });
})();
