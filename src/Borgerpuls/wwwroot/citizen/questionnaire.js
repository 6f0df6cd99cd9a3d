// Progressive enhancement of the citizen questionnaire: on a narrow screen, one question per screen with progress, back,
// skip and next. The form underneath is the plain one that works without JavaScript and on a desktop shows every
// question at once; this script only hides and shows its fieldsets, so what is posted is exactly the same.
"use strict";
(() => {
  const form = document.querySelector("form.questionnaire[data-paged]");
  const labels = form && form.querySelector(".pager-labels");
  // After a refused submission every question stays in view with its message, as the error summary's links expect.
  if (!form || !labels || document.getElementById("error-summary")) return;
  const screens = Array.from(form.querySelectorAll("fieldset.question"));
  const submit = form.querySelector(":scope > button[type=submit]");
  const narrow = window.matchMedia("(max-width: 40em)");
  if (screens.length < 2) return;

  const button = (text, cls) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    return b;
  };
  const progress = document.createElement("div");
  progress.className = "progress";
  const progressText = document.createElement("p");
  progressText.id = "progress-text";
  progressText.setAttribute("aria-live", "polite");
  const bar = document.createElement("progress");
  bar.max = screens.length;
  bar.setAttribute("aria-labelledby", "progress-text");
  progress.append(progressText, bar);
  const nav = document.createElement("div");
  nav.className = "pager";
  const back = button(labels.dataset.back, "back");
  const skip = button(labels.dataset.skip, "skip-question");
  const next = button(labels.dataset.next, "next");
  nav.append(back, skip, next);
  let current = 0;

  const show = (index, focus) => {
    current = Math.max(0, Math.min(index, screens.length - 1));
    screens.forEach((s, i) => { s.hidden = i !== current; });
    const last = current === screens.length - 1;
    back.hidden = current === 0;
    // A screen with a required choice (the job centre of an open link) cannot be skipped: skipping would leave it empty.
    skip.hidden = screens[current].querySelector("[required]") !== null;
    next.hidden = last;
    submit.hidden = !last;
    progressText.textContent = labels.dataset.progress.replace("{0}", current + 1).replace("{1}", screens.length);
    bar.value = current + 1;
    if (focus) {
      screens[current].setAttribute("tabindex", "-1");
      screens[current].focus();
      window.scrollTo(0, 0);
    }
  };
  const clear = screen => screen.querySelectorAll("input, textarea, select").forEach(field => {
    if (field.type === "radio" || field.type === "checkbox") field.checked = false;
    else if (field.tagName === "SELECT") field.selectedIndex = Array.from(field.options).findIndex(o => o.value === "");
    else field.value = "";
  });

  back.addEventListener("click", () => show(current - 1, true));
  next.addEventListener("click", () => show(current + 1, true));
  skip.addEventListener("click", () => {
    clear(screens[current]);
    if (current === screens.length - 1) submit.focus(); else show(current + 1, true);
  });
  // A required answer that is missing lives on a hidden screen: show that screen before the browser reports it.
  form.addEventListener("invalid", event => {
    const screen = screens.findIndex(s => s.contains(event.target));
    if (narrow.matches && screen >= 0 && screen !== current) show(screen, false);
  }, true);

  const apply = () => {
    if (narrow.matches) {
      form.classList.add("paged");
      form.prepend(progress);
      submit.before(nav);
      show(current, false);
    } else {
      form.classList.remove("paged");
      progress.remove();
      nav.remove();
      screens.forEach(s => { s.hidden = false; });
      submit.hidden = false;
    }
  };
  narrow.addEventListener("change", apply);
  apply();
})();
