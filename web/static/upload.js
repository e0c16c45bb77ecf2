// The upload page: files dropped on the zone or chosen in the input go to POST /api/upload with the
// session's CSRF token in a header; each file's outcome is listed with links to its documents.

(() => {
  const form = document.getElementById("upload-form");
  if (!form) return;
  document.documentElement.classList.add("js");
  const input = document.getElementById("files");
  const zone = document.getElementById("dropzone");
  const chosen = document.getElementById("chosen");
  const submit = document.getElementById("upload-submit");
  const results = document.getElementById("upload-results");
  const status = document.getElementById("upload-status");
  const rows = document.getElementById("upload-rows");
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") || "";
  const msg = (key, params) => {
    const text =
      form.dataset[
        `msg${key.replace(/[.-](\w)/g, (_, c) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase())}`
      ] || key;
    return text.replace(/\{(\w+)\}/g, (whole, name) =>
      params && name in params ? String(params[name]) : whole,
    );
  };
  let dropped = null;

  function files() {
    return dropped ?? Array.from(input.files || []);
  }

  function showChosen() {
    const list = files();
    chosen.textContent =
      list.length === 0
        ? ""
        : `${msg("upload.selected", { n: list.length })}: ${list.map((f) => f.name).join(", ")}`;
  }

  input.addEventListener("change", () => {
    dropped = null;
    showChosen();
  });
  for (const type of ["dragenter", "dragover"])
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  for (const type of ["dragleave", "drop"])
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
    });
  zone.addEventListener("drop", (event) => {
    const list = Array.from(event.dataTransfer?.files || []);
    if (list.length === 0) return;
    dropped = list;
    showChosen();
  });

  function cell(tr, content) {
    const td = document.createElement("td");
    if (typeof content === "string") td.textContent = content;
    else if (content) td.append(content);
    tr.append(td);
    return td;
  }

  function row(item) {
    const tr = document.createElement("tr");
    tr.dataset.action = item.action;
    cell(tr, item.name);
    const state = document.createElement("span");
    state.className = `status-${item.action}`;
    state.textContent = msg(`upload.${item.action}`);
    const td = cell(tr, state);
    if (item.error) {
      const why = document.createElement("div");
      why.className = "muted small";
      why.textContent = item.error;
      td.append(why);
    }
    const docs = item.documents || [];
    if (docs.length === 0) cell(tr, item.action === "failed" ? "" : msg("upload.noDocuments"));
    else {
      const ul = document.createElement("ul");
      ul.className = "plain-list";
      for (const d of docs) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `/documents/${encodeURIComponent(d.id)}`;
        a.textContent = d.symbol || msg("docs.noSymbol");
        li.append(a);
        if (d.subject) li.append(` — ${d.subject}`);
        ul.append(li);
      }
      cell(tr, ul);
    }
    rows.append(tr);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const list = files();
    results.hidden = false;
    if (list.length === 0) {
      status.textContent = msg("upload.noFiles");
      return;
    }
    const body = new FormData();
    for (const f of list) body.append("files", f, f.name);
    if (form.elements.public.checked) body.append("public", "on");
    submit.disabled = true;
    status.textContent = msg("upload.sending");
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body,
        headers: { "x-csrf-token": token, accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        status.textContent = msg("upload.error", { reason: data?.error?.message || response.statusText });
        return;
      }
      const items = Array.isArray(data) ? data : data?.files || data?.results || [];
      status.textContent = "";
      for (const item of items) row(item);
      input.value = "";
      dropped = null;
      showChosen();
    } catch (error) {
      status.textContent = msg("upload.error", {
        reason: error?.message ?? String(error),
      });
    } finally {
      submit.disabled = false;
    }
  });
})();
