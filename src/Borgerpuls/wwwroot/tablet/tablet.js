// Tablet exit poll: staff choose the context, the citizen answers, the answers go into the same durable queue as the kiosk's
// (delivered by delivery.js) and the form is reset before the tablet is handed back, so the next citizen never sees them.
"use strict";
(() => {
  const root = document.getElementById("tablet");
  const $ = id => document.getElementById(id);
  const show = id => ["setup", "staff", "citizen", "thanks"].forEach(p => { $(p).hidden = p !== id; });
  let context = null;

  $("setup-form").addEventListener("submit", event => {
    event.preventDefault();
    Delivery.saveKey($("device-key").value);
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
    await KioskQueue.add({ id: Delivery.uuid(), instrument: root.dataset.instrument, answeredAt: new Date().toISOString(), context, answers });
    event.target.reset();
    show("thanks");
    flush();
  });
  $("next").addEventListener("click", () => show("staff"));

  // "Ønskede ikke at svare": one tap records a declined hand-over for the chosen context (no answers, nothing about the
  // citizen), the denominator of the response rate. Kept in local storage until the server acknowledges it; the UUID makes
  // retries safe.
  const declinedName = "borgerpuls.declined";
  const pendingDeclined = () => JSON.parse(localStorage.getItem(declinedName) || "[]");
  const sendDeclined = async () => {
    const pending = pendingDeclined();
    const key = localStorage.getItem("borgerpuls.deviceKey");
    if (pending.length === 0 || !key || !navigator.onLine) return;
    try {
      const response = await fetch("/api/v1/declines", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Device " + key },
        body: JSON.stringify(pending),
      });
      if (response.status === 200 || response.status === 201) {
        const sent = new Set(pending.map(d => d.id));
        localStorage.setItem(declinedName, JSON.stringify(pendingDeclined().filter(d => !sent.has(d.id))));
      }
    } catch (e) {
      // Offline: kept and sent later.
    }
  };
  $("declined").addEventListener("click", () => {
    const form = new FormData($("context-form"));
    const declined = { id: Delivery.uuid(), at: new Date().toISOString(), context: { targetGroup: form.get("targetGroup"), meetingType: form.get("meetingType") } };
    if (form.get("unit")) declined.context.unit = form.get("unit");
    localStorage.setItem(declinedName, JSON.stringify(pendingDeclined().concat([declined])));
    $("declined-noted").hidden = false;
    setTimeout(() => { $("declined-noted").hidden = true; }, 4000);
    sendDeclined();
  });
  window.addEventListener("online", sendDeclined);
  setInterval(sendDeclined, 5000);

  const flush = Delivery.start(root, $("status"));
  show(Delivery.hasKey() ? "staff" : "setup");
})();
