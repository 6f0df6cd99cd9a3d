// Tablet exit poll: staff choose the context, the citizen answers (in their language), the answers go into the same durable
// queue as the kiosk's (delivered by delivery.js) and the form is reset before the tablet is handed back, so the next citizen
// never sees them. An answer with nothing in it is not a response: it is never queued (the server would refuse it), and the
// citizen is told that nothing was sent, or can record that they did not want to answer.
"use strict";
(() => {
  const root = document.getElementById("tablet");
  const $ = id => document.getElementById(id);
  const followUp = FollowUpOffer($);
  const show = id => ["setup", "staff", "citizen", "thanks"].forEach(p => { $(p).hidden = p !== id; });
  const questions = root.dataset.questions.split(",");
  let context = null;
  let flush = () => Promise.resolve();

  // The questions are rendered by the questionnaire's shared partial; mark its texts for the language switch here.
  for (const key of questions) {
    const fieldset = $("q-" + key);
    fieldset.querySelector("legend span[lang]").dataset.t = "q:" + key;
    fieldset.querySelectorAll("label.visually-hidden").forEach(label => { label.dataset.t = "q:" + key; });
    fieldset.querySelectorAll("label.option").forEach(label => { label.querySelector("span").dataset.t = `o:${key}:${label.querySelector("input").value}`; });
    fieldset.querySelectorAll(".fallback").forEach(note => note.remove());
  }
  // "Not translated" notes follow the language shown.
  CitizenLanguage.onChange(() => {
    for (const key of questions) {
      const fieldset = $("q-" + key);
      const note = fieldset.querySelector(".fallback");
      if (CitizenLanguage.isFallback("q:" + key) && !note) {
        const p = document.createElement("p");
        p.className = "fallback";
        p.dataset.t = "res:Questionnaire.NotTranslated";
        p.textContent = CitizenLanguage.text(p.dataset.t);
        fieldset.querySelector("legend").after(p);
      } else if (!CitizenLanguage.isFallback("q:" + key) && note) {
        note.remove();
      }
    }
  });
  CitizenLanguage.init($("citizen-area"));

  DeviceSetup.start(root, () => { show("staff"); flush(); });

  const chosenContext = () => {
    const form = new FormData($("context-form"));
    const chosen = { targetGroup: form.get("targetGroup"), meetingType: form.get("meetingType") };
    if (form.get("unit")) chosen.unit = form.get("unit");
    return chosen;
  };

  $("context-form").addEventListener("submit", event => {
    event.preventDefault();
    context = chosenContext();
    $("answers").reset();
    $("nothing-sent").hidden = true;
    show("citizen");
    window.scrollTo(0, 0);
  });

  const collect = form => {
    const answers = {};
    for (const key of questions) {
      const values = new FormData(form).getAll("a." + key).filter(v => String(v).trim() !== "");
      if (values.length === 1) answers[key] = String(values[0]);
      else if (values.length > 1) answers[key] = values.map(String);
    }
    return answers;
  };

  // After an answer at the negative end of any question the thanks offer "Vil du kontaktes?" (never on the kiosk). The
  // offer knows nothing of the answer just queued: it gets its own random id, and the server takes the job centre and site
  // from the tablet's key.
  const negative = JSON.parse($("negative-answers").textContent);
  const isNegative = answers => Object.entries(answers).some(([key, value]) => (negative[key] || []).some(code => [].concat(value).includes(code)));
  const offer = followUp.start;

  const thank = negativeAnswer => {
    $("answers").reset();
    $("nothing-sent").hidden = true;
    offer(negativeAnswer);
    show("thanks");
    flush();
  };

  $("answers").addEventListener("submit", async event => {
    event.preventDefault();
    const answers = collect(event.target);
    if (Object.keys(answers).length === 0) {
      $("nothing-sent").hidden = false;
      $("record-declined").focus();
      return;
    }
    await KioskQueue.add({
      id: Delivery.uuid(), instrument: root.dataset.instrument, answeredAt: new Date().toISOString(),
      context: { ...context, language: CitizenLanguage.current() }, answers,
    });
    thank(isNegative(answers));
  });
  $("next").addEventListener("click", () => { followUp.start(false); CitizenLanguage.reset(); show("staff"); });

  // "Ønskede ikke at svare": one tap records a declined hand-over for the chosen context (no answers, nothing about the
  // citizen), the denominator of the response rate. Kept in local storage until the server acknowledges it; the UUID makes
  // retries safe.
  const declinedName = "borgerpuls.declined";
  const pendingDeclined = () => JSON.parse(localStorage.getItem(declinedName) || "[]");
  const sendDeclined = async () => {
    const pending = pendingDeclined();
    const key = Delivery.key();
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
  const recordDeclined = chosen => {
    localStorage.setItem(declinedName, JSON.stringify(pendingDeclined().concat([{ id: Delivery.uuid(), at: new Date().toISOString(), context: chosen }])));
    sendDeclined();
  };
  $("declined").addEventListener("click", () => {
    recordDeclined(chosenContext());
    $("declined-noted").hidden = false;
    setTimeout(() => { $("declined-noted").hidden = true; }, 4000);
  });
  // The citizen sent nothing and chose not to answer: the hand-over counts as declined for the context staff chose.
  $("record-declined").addEventListener("click", () => {
    recordDeclined(context);
    thank(false);
  });
  window.addEventListener("online", sendDeclined);
  setInterval(sendDeclined, 5000);

  flush = Delivery.start(root, $("status"), $("delivery-warning"));
  DeviceSetup.offline("/tablet");
  show(DeviceSetup.needed() ? "setup" : "staff");
})();
