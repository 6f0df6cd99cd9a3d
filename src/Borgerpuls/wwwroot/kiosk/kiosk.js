// The smiley kiosk: tap a face, optionally say why, see thanks, reset. Presses are queued locally first and delivered by
// delivery.js.
"use strict";
(() => {
  const root = document.getElementById("kiosk");
  const $ = id => document.getElementById(id);
  const show = id => ["setup", "ask", "follow-up", "thanks"].forEach(p => { const el = $(p); if (el) el.hidden = p !== id; });
  let pending = null;
  let timer = null;
  let flush = () => {};

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
      id: Delivery.uuid(),
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
    Delivery.saveKey($("device-key").value);
    show("ask");
    flush();
  });

  // No accidental navigation away: there are no links, and back/context menu do nothing.
  document.addEventListener("contextmenu", event => event.preventDefault());
  history.pushState(null, "", location.href);
  window.addEventListener("popstate", () => history.pushState(null, "", location.href));

  flush = Delivery.start(root, $("status"));
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/kiosk-sw.js", { scope: "/kiosk" }).catch(() => {});
  show(Delivery.hasKey() ? "ask" : "setup");
})();
