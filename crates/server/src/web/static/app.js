// Coherence web workspace: the pages' own small script. Every page works without it;
// it adds inline validation, live job progress, live fragments (the workshop's
// tracker) and uploads with a progress bar. No framework, nothing third-party.
"use strict";

// Inline validation: the browser's own checks, shown in the field's error element as
// the visitor types, and the first invalid field focused when posting.
function showValidity(control) {
  const error = document.getElementById(control.id + "-error");
  if (!error) return;
  const valid = control.checkValidity();
  error.textContent = valid ? "" : control.validationMessage;
  if (valid) control.removeAttribute("aria-invalid");
  else control.setAttribute("aria-invalid", "true");
}

function watchForm(form) {
  form.setAttribute("novalidate", "");
  const controls = form.querySelectorAll("input, select, textarea");
  controls.forEach((c) => {
    c.addEventListener("input", () => showValidity(c));
    c.addEventListener("blur", () => showValidity(c));
  });
  form.addEventListener("submit", (event) => {
    let first = null;
    controls.forEach((c) => {
      showValidity(c);
      if (!c.checkValidity() && !first) first = c;
    });
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
}

// Live job progress: an element with data-job="ID" holds a <progress> and a status
// text; it is updated from the API until the job ends, then the page reloads (or goes
// to data-done, where "{id}" is the job's id).
function watchJob(box) {
  const id = box.dataset.job;
  const bar = box.querySelector("progress");
  const status = box.querySelector("[data-status]");
  const tick = async () => {
    let job;
    try {
      const r = await fetch("/api/v1/jobs/" + encodeURIComponent(id), { credentials: "same-origin" });
      if (!r.ok) return setTimeout(tick, 2000);
      job = await r.json();
    } catch (_) {
      return setTimeout(tick, 2000);
    }
    // The API names them progress_done and progress_total.
    const total = job.progress_total ?? job.total ?? 0;
    const done = job.progress_done ?? job.done ?? 0;
    if (bar && total > 0) {
      bar.max = total;
      bar.value = done;
    }
    if (status) status.textContent = job.status + (total > 0 ? " — " + done + " of " + total : "");
    if (["done", "failed", "cancelled"].includes(job.status)) {
      const next = box.dataset.done;
      if (next) window.location.assign(next.replace("{id}", id));
      else window.location.reload();
    } else {
      setTimeout(tick, 500);
    }
  };
  tick();
}

// Live fragments: an element with data-poll="URL" is replaced every few seconds by the
// HTML the server renders at URL (escaped there like every page).
function watchFragment(box) {
  const url = box.dataset.poll;
  const every = Number(box.dataset.every || 3000);
  const tick = async () => {
    try {
      const r = await fetch(url, { credentials: "same-origin" });
      if (r.ok) {
        const html = await r.text();
        if (html !== box.innerHTML) box.innerHTML = html;
      }
    } catch (_) {
      // Try again at the next tick.
    }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
}

// Uploads with a progress bar: a form with data-upload="URL" sends its file as the
// body to URL (with ?name=FILE and the form's other fields), shows the upload's
// progress, and goes to data-next with "{id}" replaced by the job's id.
function watchUpload(form) {
  form.addEventListener("submit", (event) => {
    const input = form.querySelector("input[type=file]");
    if (!input || !input.files.length) return;
    event.preventDefault();
    const file = input.files[0];
    const params = new URLSearchParams();
    params.set("name", file.name);
    new FormData(form).forEach((v, k) => {
      if (typeof v === "string" && v !== "") params.set(k, v);
    });
    const bar = form.querySelector("progress");
    const status = form.querySelector("[data-status]");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.upload + "?" + params.toString());
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.addEventListener("progress", (e) => {
      if (bar && e.lengthComputable) {
        bar.max = e.total;
        bar.value = e.loaded;
      }
    });
    xhr.addEventListener("load", () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch (_) {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.id !== undefined) {
        window.location.assign(form.dataset.next.replace("{id}", body.id));
      } else if (status) {
        const failed = form.dataset.failed || "The upload failed; the server's status:";
        status.textContent = (body.error && body.error.message) || failed + " " + xhr.status + ".";
      }
    });
    xhr.addEventListener("error", () => {
      if (status) {
        status.textContent = form.dataset.unreachable || "The upload failed: the server could not be reached.";
      }
    });
    if (status) status.textContent = (form.dataset.uploading || "Uploading") + " " + file.name + "…";
    xhr.send(file);
  });
}

document.querySelectorAll("form[data-validate]").forEach(watchForm);
document.querySelectorAll("[data-job]").forEach(watchJob);
document.querySelectorAll("[data-poll]").forEach(watchFragment);
document.querySelectorAll("form[data-upload]").forEach(watchUpload);
