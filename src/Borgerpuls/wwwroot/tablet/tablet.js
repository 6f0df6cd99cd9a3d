// Tablet exit poll: staff choose the context, the citizen answers, the answers go into the same durable queue as the kiosk's
// and the form is reset before the tablet is handed back, so the next citizen never sees them.
"use strict";
(() => {
  const root = document.getElementById("tablet");
  const $ = id => document.getElementById(id);
  const keyName = "borgerpuls.deviceKey";
  const contactName = "borgerpuls.lastContact";
  const show = id => ["setup", "staff", "citizen", "thanks"].forEach(p => { $(p).hidden = p !== id; });
  let context = null;

  const uuid = () => crypto.randomUUID ? crypto.randomUUID() : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g,
    c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));

  const status = async () => {
    const queued = await KioskQueue.count();
    const contact = localStorage.getItem(contactName);
    $("status").textContent = `${queued} ${root.dataset.queuedLabel} · ${root.dataset.contactLabel} ${contact ? new Date(contact).toLocaleTimeString("da-DK") : root.dataset.neverLabel}`;
  };

  const flush = async () => {
    const key = localStorage.getItem(keyName);
    const presses = (await KioskQueue.all()).slice(0, 200);
    if (!key || presses.length === 0 || !navigator.onLine) return status();
    try {
      const response = await fetch("/api/v1/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Device " + key },
        body: JSON.stringify(presses),
      });
      if (response.status === 200 || response.status === 201) {
        await KioskQueue.remove(presses.map(p => p.id));
        localStorage.setItem(contactName, new Date().toISOString());
      }
    } catch (e) {
      // Keep the answers queued; they are sent when the network returns.
    }
    return status();
  };

  $("setup-form").addEventListener("submit", event => {
    event.preventDefault();
    localStorage.setItem(keyName, $("device-key").value.trim());
    show("staff");
  });
  $("context-form").addEventListener("submit", event => {
    event.preventDefault();
    const form = new FormData(event.target);
    context = { targetGroup: form.get("targetGroup"), meetingType: form.get("meetingType"), language: document.documentElement.lang };
    if (form.get("unit")) context.unit = form.get("unit");
    $("answers").reset();
    show("citizen");
    window.scrollTo(0, 0);
  });
  $("answers").addEventListener("submit", async event => {
    event.preventDefault();
    const answers = {};
    for (const key of root.dataset.questions.split(",")) {
      const values = new FormData(event.target).getAll("a." + key).filter(v => String(v).trim() !== "");
      if (values.length === 1) answers[key] = String(values[0]);
      else if (values.length > 1) answers[key] = values.map(String);
    }
    await KioskQueue.add({ id: uuid(), instrument: root.dataset.instrument, answeredAt: new Date().toISOString(), context, answers });
    event.target.reset();
    show("thanks");
    flush();
  });
  $("next").addEventListener("click", () => show("staff"));

  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  show(localStorage.getItem(keyName) ? "staff" : "setup");
  flush();
})();
