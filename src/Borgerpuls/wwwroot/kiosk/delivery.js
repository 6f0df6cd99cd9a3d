// Delivery shared by the kiosk and the tablet: answers wait in the durable queue (queue.js) and are sent in batches with
// the device key; only a 200/201 removes them, so nothing is lost offline or on a crash, and the server's idempotency (by
// each answer's UUID) makes every retry safe.
"use strict";
const Delivery = (() => {
  const keyName = "borgerpuls.deviceKey";
  const contactName = "borgerpuls.lastContact";

  const uuid = () => crypto.randomUUID ? crypto.randomUUID() : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g,
    c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));

  const status = async (root, element) => {
    const queued = await KioskQueue.count();
    const contact = localStorage.getItem(contactName);
    element.textContent = `${queued} ${root.dataset.queuedLabel} · ${root.dataset.contactLabel} ${contact ? new Date(contact).toLocaleTimeString("da-DK") : root.dataset.neverLabel}`;
  };

  const flush = async (root, element) => {
    const key = localStorage.getItem(keyName);
    const answers = (await KioskQueue.all()).slice(0, 200);
    if (key && answers.length > 0 && navigator.onLine) {
      try {
        const response = await fetch("/api/v1/responses", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Authorization": "Device " + key },
          body: JSON.stringify(answers),
        });
        if (response.status === 200 || response.status === 201) {
          await KioskQueue.remove(answers.map(a => a.id));
          localStorage.setItem(contactName, new Date().toISOString());
        }
      } catch (e) {
        // Offline or server down: everything stays queued and is tried again.
      }
    }
    return status(root, element);
  };

  const start = (root, element) => {
    const run = () => flush(root, element);
    window.addEventListener("online", run);
    setInterval(run, 5000);
    run();
    return run;
  };

  return {
    uuid,
    start,
    hasKey: () => Boolean(localStorage.getItem(keyName)),
    saveKey: key => localStorage.setItem(keyName, key.trim()),
  };
})();
