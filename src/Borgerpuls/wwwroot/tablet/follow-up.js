// "Vil du kontaktes?" on the tablet's thank-you screen. Sent straight to the server with the tablet's key (never queued:
// personal data does not wait in the browser's storage); the id is made when the offer is shown, so a double tap or a retry
// stores one request. Errors come back as text keys and are shown in the language on screen.
"use strict";
const FollowUpOffer = $ => {
  let id = null;
  let sending = false;
  const form = $("follow-up-form");
  const errors = $("fu-errors");
  const consent = $("fu-consent-text");
  const fields = { name: "fu-name", phone: "fu-phone", message: "fu-message", consent: "fu-consent" };

  // The consent text names the retention period; the language switch puts back the text with its placeholder.
  const fillDays = () => { consent.textContent = consent.textContent.replace("{0}", consent.dataset.days); };
  CitizenLanguage.onChange(fillDays);

  const clearErrors = () => {
    errors.hidden = true;
    errors.querySelector("ul").replaceChildren();
    Object.values(fields).forEach(f => $(f).removeAttribute("aria-invalid"));
  };
  const showErrors = list => {
    const ul = errors.querySelector("ul");
    ul.replaceChildren(...list.map(([field, key]) => {
      const li = document.createElement("li");
      li.dataset.t = "res:" + key;
      li.textContent = CitizenLanguage.text(li.dataset.t);
      if (fields[field]) $(fields[field]).setAttribute("aria-invalid", "true");
      return li;
    }));
    errors.hidden = false;
    errors.focus();
  };

  const start = offered => {
    form.reset();
    clearErrors();
    form.hidden = false;
    $("fu-sent").hidden = true;
    $("follow-up").hidden = !offered;
    id = offered ? Delivery.uuid() : null;
  };

  form.addEventListener("submit", async event => {
    event.preventDefault();
    if (sending || !id) return;
    sending = true;
    const data = new FormData(form);
    try {
      const response = await fetch("/api/v1/follow-up", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Device " + Delivery.key() },
        body: JSON.stringify({ id, name: data.get("name"), phone: data.get("phone"), message: data.get("message"), consent: data.get("consent") === "true" }),
      });
      if (response.status === 204) {
        clearErrors();
        form.reset();
        form.hidden = true;
        $("fu-sent").hidden = false;
      } else if (response.status === 400) {
        const problem = await response.json();
        showErrors(Object.entries(problem.errors || {}).flatMap(([field, keys]) => keys.map(key => [field, key])));
      } else {
        showErrors([["", "Citizen.FollowUp.NotSent"]]);
      }
    } catch (e) {
      showErrors([["", "Citizen.FollowUp.NotSent"]]);
    } finally {
      sending = false;
    }
  });
  return { start };
};
