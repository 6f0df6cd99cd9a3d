// Delivery shared by the kiosk and the tablet: answers wait in the durable queue (queue.js) and are sent with the device key.
// Only a 200/201 removes them, so nothing is lost offline or on a crash, and the server's idempotency (by each answer's UUID)
// makes every retry safe. The rules (the device/server contract):
// - one delivery in flight per device: a Web Lock across tabs, and a promise within the page, shared by the interval timer,
//   the online event and new answers, so two copies of one batch are never sent at once;
// - oldest first by answeredAt, in batches of up to 200;
// - 401, 429, 5xx and network errors keep everything queued and retry with exponential backoff with jitter (5 s to 5 min);
// - any other 4xx refuses the batch as a whole: its items are sent one by one, and each item refused on its own moves to the
//   "rejected" store (counted in the status line and the heartbeat) so that it can never block the answers behind it;
// - a heartbeat every 60 s and right after an attempt whose outcome differs from the previous one.
"use strict";
const Delivery = (() => {
  const keyName = "borgerpuls.deviceKey";
  const contactName = "borgerpuls.lastContact";
  const deliveredName = "borgerpuls.deliveredToday";
  const deviceName = "borgerpuls.device";
  const baseDelay = 5000, maxDelay = 300000, warnAfter = 10 * 60 * 1000, batchSize = 200;

  let failures = 0, nextAttempt = 0, lastOutcome = null, lastError = null, lastErrorAt = null, keyRefused = false;
  let inFlight = null;

  const uuid = () => crypto.randomUUID ? crypto.randomUUID() : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g,
    c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));
  const key = () => localStorage.getItem(keyName);
  const today = () => new Date().toISOString().slice(0, 10);

  const deliveredToday = () => {
    const stored = JSON.parse(localStorage.getItem(deliveredName) || "null");
    return stored && stored.day === today() ? stored.count : 0;
  };
  const countDelivered = n => localStorage.setItem(deliveredName, JSON.stringify({ day: today(), count: deliveredToday() + n }));

  // What leaves the device: the submission without the queue's own bookkeeping (the kiosk's "held" flag).
  const wire = item => { const { held, ...submission } = item; return submission; };
  const byAnsweredAt = (a, b) => Date.parse(a.answeredAt) - Date.parse(b.answeredAt);

  const post = async items => {
    try {
      const response = await fetch("/api/v1/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Device " + key() },
        body: JSON.stringify(items),
      });
      let detail = null;
      if (!response.ok) {
        try {
          const problem = await response.json();
          const fields = problem.errors ? Object.entries(problem.errors).map(([f, m]) => `${f}: ${[].concat(m).join(" ")}`).join("; ") : "";
          detail = [problem.detail || problem.title, fields].filter(Boolean).join(" ");
        } catch (e) { detail = response.statusText; }
      }
      return { status: response.status, detail: (detail || `HTTP ${response.status}`).slice(0, 200) };
    } catch (e) {
      return { status: 0, detail: "network: " + String(e && e.message || e).slice(0, 180) };
    }
  };
  const delivered = status => status === 200 || status === 201;
  // Temporary: the key may be restored, the rate limit lifts, the server or the network comes back.
  const temporary = status => status === 0 || status === 401 || status === 429 || status >= 500 || status < 400;

  const succeed = async items => {
    await KioskQueue.remove(items.map(i => i.id));
    countDelivered(items.length);
    localStorage.setItem(contactName, new Date().toISOString());
  };

  // Sends the queue oldest first; returns the outcome of the attempt: "ok", or the failure that stopped it.
  const deliverQueue = async () => {
    for (;;) {
      const ready = (await KioskQueue.all()).filter(i => !i.held).sort(byAnsweredAt).slice(0, batchSize);
      if (ready.length === 0) return { ok: true };
      const result = await post(ready.map(wire));
      if (result.status !== 0) localStorage.setItem(contactName, new Date().toISOString());
      if (delivered(result.status)) { await succeed(ready); continue; }
      if (temporary(result.status)) return { ok: false, ...result };
      // Refused as a batch: find the refused items one by one; the others are delivered.
      for (const item of ready) {
        const single = ready.length === 1 ? result : await post([wire(item)]);
        if (delivered(single.status)) await succeed([item]);
        else if (temporary(single.status)) return { ok: false, ...single };
        else await KioskQueue.reject(item, single.status, single.detail);
      }
    }
  };

  const attempt = async () => {
    const result = await deliverQueue();
    const outcome = result.ok ? "ok" : "failing";
    if (result.ok) {
      failures = 0; nextAttempt = 0; keyRefused = false;
    } else {
      failures++;
      const delay = Math.min(maxDelay, baseDelay * 2 ** (failures - 1));
      nextAttempt = Date.now() + delay / 2 + Math.random() * delay / 2; // "equal jitter": spread retries of many devices
      lastError = result.detail; lastErrorAt = new Date().toISOString(); keyRefused = result.status === 401;
    }
    if (lastOutcome !== null && outcome !== lastOutcome) heartbeat();
    lastOutcome = outcome;
  };

  const withDeviceLock = action => navigator.locks
    ? navigator.locks.request("borgerpuls-delivery", { ifAvailable: true }, lock => lock ? action() : undefined)
    : action();

  // Runs at most one delivery at a time; callers during a delivery share it. Honours the backoff unless forced (the
  // network just came back).
  const flush = (force = false) => {
    if (inFlight) return inFlight;
    if (!key() || !navigator.onLine || (!force && Date.now() < nextAttempt)) return Promise.resolve();
    inFlight = withDeviceLock(attempt).catch(() => {}).finally(() => { inFlight = null; });
    return inFlight;
  };

  const state = async () => {
    const items = await KioskQueue.all();
    const oldest = items.length ? items.reduce((a, b) => byAnsweredAt(a, b) <= 0 ? a : b).answeredAt : null;
    return { queued: items.length, oldestQueuedAt: oldest, rejected: await KioskQueue.rejectedCount(), deliveredToday: deliveredToday(), lastError, lastErrorAt };
  };

  const heartbeat = async () => {
    if (!key() || !navigator.onLine) return;
    try {
      await fetch("/api/v1/devices/heartbeat", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Device " + key() },
        body: JSON.stringify(await state()),
      });
    } catch (e) {
      // The next heartbeat tells the same and more.
    }
  };

  // The status line for staff, and a discreet warning when answers are not getting through: the key is refused, or the
  // oldest answer has waited more than ten minutes. It never covers or blocks the citizen's screen.
  const status = async (root, element, warning) => {
    const s = await state();
    const contact = localStorage.getItem(contactName);
    const rejected = s.rejected > 0 ? ` · ${s.rejected} ${root.dataset.rejectedLabel}` : "";
    const device = JSON.parse(localStorage.getItem(deviceName) || "null");
    const who = device ? root.dataset.deviceLabel.replace("{0}", device.name).replace("{1}", device.siteName) + " · " : "";
    element.textContent = `${who}${s.queued} ${root.dataset.queuedLabel}${rejected} · ${root.dataset.contactLabel} ${contact ? new Date(contact).toLocaleTimeString("da-DK") : root.dataset.neverLabel}`;
    if (warning) {
      const stale = s.oldestQueuedAt && Date.now() - Date.parse(s.oldestQueuedAt) > warnAfter;
      const text = keyRefused ? root.dataset.keyRefusedLabel : stale ? root.dataset.failingLabel : "";
      warning.textContent = text;
      warning.hidden = !text;
    }
  };

  const start = (root, element, warning) => {
    const run = async (force = false) => { await flush(force === true); await status(root, element, warning); };
    window.addEventListener("online", () => run(true));
    setInterval(run, baseDelay);
    setInterval(heartbeat, 60000);
    run().then(heartbeat);
    return run;
  };

  // Asks the server whether a typed key is a live device key before it is saved (GET /api/v1/devices/self).
  const verifyKey = async typed => {
    try {
      const response = await fetch("/api/v1/devices/self", { headers: { "Authorization": "Device " + typed.trim() } });
      if (response.ok) return { ok: true, device: await response.json() };
      let detail = null;
      try { detail = (await response.json()).detail; } catch (e) { }
      return { ok: false, status: response.status, detail };
    } catch (e) {
      return { ok: false, status: 0, detail: null };
    }
  };

  return {
    uuid,
    start,
    verifyKey,
    key,
    hasKey: () => Boolean(key()),
    // Saves a key the server has confirmed, with the device it belongs to; clears the backoff so delivery starts at once.
    saveKey: (typed, device) => {
      localStorage.setItem(keyName, typed.trim());
      localStorage.setItem(deviceName, JSON.stringify({ name: device.name, siteName: device.siteName }));
      localStorage.setItem(contactName, new Date().toISOString()); // the check just reached the server
      failures = 0; nextAttempt = 0; keyRefused = false;
    },
  };
})();
