// Device setup on the kiosk and the tablet: the typed key is checked with the server (GET /api/v1/devices/self) before it
// is saved, so a mistyped or revoked key is refused on the spot, with the reason, instead of answers piling up behind 401s.
// A good key shows the device's name and site in the status line. Opening the page with ?setup shows the form again.
"use strict";
const DeviceSetup = (() => {
  const start = (root, onSaved) => {
    const form = document.getElementById("setup-form");
    const input = document.getElementById("device-key");
    const result = document.getElementById("setup-result");
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const typed = input.value.trim();
      result.classList.remove("error");
      result.textContent = root.dataset.checkingLabel;
      const check = await Delivery.verifyKey(typed);
      let reason = null;
      if (check.ok && check.device.channel !== root.dataset.channel) reason = root.dataset.wrongChannelLabel.replace("{0}", check.device.channel);
      else if (!check.ok) reason = check.status === 0 ? root.dataset.unreachableLabel : (check.detail || `HTTP ${check.status}`);
      if (reason) {
        result.textContent = `${root.dataset.notSavedLabel} ${reason}`;
        result.classList.add("error");
        input.focus();
        return;
      }
      Delivery.saveKey(typed, check.device);
      result.textContent = "";
      input.value = "";
      onSaved();
    });
  };
  const needed = () => !Delivery.hasKey() || new URLSearchParams(location.search).has("setup");
  // The service worker (kiosk-sw.js) keeps the page working offline; the page's own address (a tablet's ?site=…) is cached
  // as well, since the first load happens before the worker controls the page. The cache name is the worker's.
  const offline = scope => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/kiosk-sw.js", { scope })
      .then(() => navigator.serviceWorker.ready)
      .then(() => caches.open("borgerpuls-devices-v3"))
      .then(cache => cache.add(location.href))
      .then(() => { document.documentElement.dataset.offlineReady = "true"; })
      .catch(() => {});
  };
  return { start, needed, offline };
})();
