// The citizen's language on the kiosk and the tablet, switched in the page without a reload (so it works offline): the
// server embeds every citizen language's texts for this page in a JSON data island (#citizen-texts); elements carry
// data-t="<text id>" (and data-t-label for an aria-label). A text that falls back to Danish is marked lang="da" dir="ltr",
// so screen readers pronounce it as Danish and right-to-left pages do not scramble its punctuation.
"use strict";
const CitizenLanguage = (() => {
  let texts = {}, area = null, current = null, fallbackDefault = "da";
  const listeners = [];

  const entry = (lang, id) => (texts[lang] && texts[lang].t[id]) || null;

  const mark = (element, fallback) => {
    if (fallback) { element.lang = "da"; element.dir = "ltr"; }
    else { element.removeAttribute("lang"); element.removeAttribute("dir"); }
  };

  const apply = lang => {
    if (!texts[lang]) return;
    current = lang;
    area.lang = lang;
    area.dir = texts[lang].rtl ? "rtl" : "ltr";
    area.querySelectorAll("[data-t]").forEach(element => {
      const e = entry(lang, element.dataset.t);
      if (!e) return;
      element.textContent = e[0];
      mark(element, e[1]);
    });
    area.querySelectorAll("[data-t-label]").forEach(element => {
      const e = entry(lang, element.dataset.tLabel);
      if (e) element.setAttribute("aria-label", e[0]);
    });
    area.querySelectorAll(".languages button[data-lang]").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
    listeners.forEach(listener => listener(lang));
  };

  return {
    init: element => {
      area = element;
      texts = JSON.parse(document.getElementById("citizen-texts").textContent);
      fallbackDefault = area.dataset.defaultLanguage || "da";
      area.querySelectorAll(".languages button[data-lang]").forEach(b => b.addEventListener("click", () => apply(b.dataset.lang)));
      apply(fallbackDefault);
    },
    current: () => current,
    text: id => (entry(current, id) || [""])[0],
    isFallback: id => Boolean((entry(current, id) || [null, false])[1]),
    reset: () => apply(fallbackDefault),
    onChange: listener => listeners.push(listener),
  };
})();
