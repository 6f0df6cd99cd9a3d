// Live preview of a target while it is typed: the form as it stands is sent as a query to the page's Preview handler,
// which answers with the preview fragment. Without this script the "Vis forhåndsvisning" button does the same as a page.
(() => {
  const form = document.getElementById("target-form");
  const preview = document.getElementById("target-preview");
  if (!form || !preview) return;
  let timer = 0;
  let latest = 0;
  const refresh = async () => {
    const query = new URLSearchParams(new FormData(form));
    query.delete("__RequestVerificationToken");
    query.set("fragment", "true");
    const url = form.dataset.preview + (form.dataset.preview.includes("?") ? "&" : "?") + query.toString();
    const mine = ++latest;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      // An answer to an older keystroke that arrives late must not replace a newer one.
      if (response.ok && mine === latest) preview.innerHTML = await response.text();
    } catch {
      // Offline for a moment: the preview stays as it was; saving still works as a normal form post.
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  const button = form.querySelector("[data-testid=preview-button]");
  if (button) button.hidden = true;
  refresh();
})();
