// The smiley kiosk: tap a face, optionally say why, see thanks, reset. Presses are queued locally first and delivered in
// batches; only a 200/201 from the server removes them from the queue, so nothing is lost offline or on a crash, and the
// server's idempotency (by the press's UUID) makes every retry safe.
"use strict";
(() => {
  const root = document.getElementById("kiosk");
  const $ = id => document.getElementById(id);
  const keyName = "borgerpuls.deviceKey";
  const contactName = "borgerpuls.lastContact";
  const show = id => ["setup", "ask", "follow-up", "thanks"].forEach(p => { const el = $(p); if (el) el.hidden = p !== id; });
  let pending = null;
  let timer = null;

  const uuid = () => crypto.randomUUID ? crypto.randomUUID() : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g,
    c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));

  const status = async () => {
    const queued = await KioskQueue.count();
    const contact = localStorage.getItem(contactName);
    $("status").textContent = `${queued} ${root.dataset.queuedLabel} · ${root.dataset.contactLabel} ${contact ? new Date(contact).toLocaleTimeString("da-DK") : root.dataset.neverLabel}`;
  };

  const flush = async () => {
    const key = localStorage.getItem(keyName);
    if (!key || !navigator.onLine) return status();
    const presses = (await KioskQueue.all()).slice(0, 200);
    if (presses.length === 0) return status();
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
      // Offline or server down: keep everything queued and try again.
    }
    return status();
  };

  const finish = async () => {
    clearTimeout(timer);
    if (pending) {
      await KioskQueue.add(pending);
      pending = null;
    }
    show("thanks");
    flush();
    timer = setTimeout(() => show("ask"), Number(root.dataset.resetMs) || 3000);
  };

  document.querySelectorAll(".face").forEach(button => button.addEventListener("click", () => {
    pending = {
      id: uuid(),
      instrument: root.dataset.instrument,
      answeredAt: new Date().toISOString(),
      answers: { [root.dataset.question]: button.dataset.code },
    };
    if (root.dataset.followUp && $("follow-up")) {
      show("follow-up");
      timer = setTimeout(finish, 10000);
    } else {
      finish();
    }
  }));
  document.querySelectorAll(".choice").forEach(button => button.addEventListener("click", () => {
    if (pending) pending.answers[root.dataset.followUp] = button.dataset.code;
    finish();
  }));
  const skip = $("skip");
  if (skip) skip.addEventListener("click", finish);

  $("setup-form").addEventListener("submit", event => {
    event.preventDefault();
    localStorage.setItem(keyName, $("device-key").value.trim());
    show("ask");
    flush();
  });

  // No accidental navigation away: there are no links, and back/context menu do nothing.
  document.addEventListener("contextmenu", event => event.preventDefault());
  history.pushState(null, "", location.href);
  window.addEventListener("popstate", () => history.pushState(null, "", location.href));

  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/kiosk-sw.js", { scope: "/kiosk" }).catch(() => {});
  show(localStorage.getItem(keyName) ? "ask" : "setup");
  flush();
})();
