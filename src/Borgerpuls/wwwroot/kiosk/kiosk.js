// The smiley kiosk: choose a language if wanted, tap a face, optionally say why, see thanks, reset. Queue first, always: the
// press is stored in IndexedDB before the follow-up question appears, so a reload, a power cut or a citizen walking away
// never loses it.
"use strict";
(() => {
  const root = document.getElementById("kiosk");
  const $ = id => document.getElementById(id);
  const show = id => ["setup", "ask", "follow-up", "thanks"].forEach(p => { const el = $(p); if (el) el.hidden = p !== id; });
  const hasFollowUp = Boolean(root.dataset.followUp && $("follow-up"));
  let pending = null; // the id of the queued press whose follow-up is on screen
  let pressing = false;
  let timer = null;
  let flush = () => Promise.resolve();

  // While its follow-up question is on screen, a press is queued but "held": delivery skips held items. So a press is never
  // sent and then changed: the follow-up answer is written into the queued item before it can be in flight, and a press
  // whose follow-up can no longer come (the page was reloaded or closed) is released as it is when the page starts.
  const finish = async code => {
    clearTimeout(timer);
    const id = pending;
    pending = null;
    if (id) {
      await KioskQueue.update(id, item => {
        if (code) {
          item.answers[root.dataset.followUp] = code;
          item.context = { language: CitizenLanguage.current() };
        }
        delete item.held;
      });
    }
    show("thanks");
    flush();
    // Back to the kiosk's own language for the next citizen.
    timer = setTimeout(() => { CitizenLanguage.reset(); show("ask"); }, Number(root.dataset.resetMs) || 3000);
  };

  document.querySelectorAll(".face").forEach(button => button.addEventListener("click", async () => {
    if (pressing || pending) return; // one press at a time, also for a double tap
    pressing = true;
    try {
      const press = {
        id: Delivery.uuid(),
        instrument: root.dataset.instrument,
        answeredAt: new Date().toISOString(),
        context: { language: CitizenLanguage.current() },
        answers: { [root.dataset.question]: button.dataset.code },
      };
      if (hasFollowUp) press.held = true;
      await KioskQueue.addPress(press);
      if (hasFollowUp) {
        pending = press.id;
        show("follow-up");
        timer = setTimeout(() => finish(null), 10000);
      } else {
        await finish(null);
      }
    } finally {
      pressing = false;
    }
  }));
  document.querySelectorAll(".choice").forEach(button => button.addEventListener("click", () => finish(button.dataset.code)));
  const skip = $("skip");
  if (skip) skip.addEventListener("click", () => finish(null));

  DeviceSetup.start(root, () => { show("ask"); flush(); });

  // No accidental navigation away: there are no links, and back/context menu do nothing.
  document.addEventListener("contextmenu", event => event.preventDefault());
  history.pushState(null, "", location.href);
  window.addEventListener("popstate", () => history.pushState(null, "", location.href));

  // A citizen who chose a language and walked away without pressing: the next one gets the kiosk's own language back.
  let idle = null;
  CitizenLanguage.onChange(() => {
    clearTimeout(idle);
    idle = setTimeout(() => { if (!pending && !$("ask").hidden) CitizenLanguage.reset(); }, Number(root.dataset.idleMs) || 60000);
  });
  CitizenLanguage.init($("citizen-area"));
  KioskQueue.releaseHeld().finally(() => { flush = Delivery.start(root, $("status"), $("delivery-warning")); });
  DeviceSetup.offline("/kiosk");
  show(DeviceSetup.needed() ? "setup" : "ask");
})();
