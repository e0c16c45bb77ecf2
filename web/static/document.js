// The document page: pointing at (or focusing) a field lights the text it was read from and brings it
// into view in the source panel; pointing at lit text lights its fields. Spans may overlap: each
// piece of the text lists every field that covers it in data-f.

(() => {
  const panel = document.getElementById("source-text");
  if (!panel) return;
  const byField = new Map();
  for (const piece of panel.querySelectorAll(".src[data-f]")) {
    for (const field of piece.dataset.f.split(" ")) {
      if (!byField.has(field)) byField.set(field, []);
      byField.get(field).push(piece);
    }
  }
  const rows = Array.from(document.querySelectorAll("[data-span]"));
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let lit = [];
  let active = null;

  function clear() {
    for (const el of lit) el.classList.remove("lit");
    lit = [];
    if (active) active.classList.remove("is-active");
    active = null;
  }

  // Scrolls the panel alone (not the page) so the piece sits a third of the way down.
  function reveal(piece) {
    const top = piece.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
    panel.scrollTo({ top: Math.max(0, top - panel.clientHeight / 3), behavior: reduced ? "auto" : "smooth" });
  }

  function show(row) {
    const field = row.dataset.span;
    const pieces = byField.get(field) || [];
    if (active === row) return;
    clear();
    active = row;
    row.classList.add("is-active");
    for (const el of pieces) el.classList.add("lit");
    lit = pieces;
    if (pieces.length > 0) reveal(pieces[0]);
  }

  for (const row of rows) {
    row.addEventListener("mouseenter", () => show(row));
    row.addEventListener("mouseleave", () => {
      if (!row.contains(document.activeElement)) clear();
    });
    row.addEventListener("focusin", () => show(row));
    row.addEventListener("focusout", (event) => {
      if (!row.contains(event.relatedTarget)) clear();
    });
  }

  // The reverse: text under the pointer lights the rows of its fields.
  let hovered = [];
  panel.addEventListener("mouseover", (event) => {
    const piece = event.target.closest ? event.target.closest(".src[data-f]") : null;
    for (const r of hovered) r.classList.remove("is-active");
    hovered = [];
    if (!piece) return;
    const fields = piece.dataset.f.split(" ");
    hovered = rows.filter((r) => fields.includes(r.dataset.span));
    for (const r of hovered) r.classList.add("is-active");
  });
  panel.addEventListener("mouseleave", () => {
    for (const r of hovered) r.classList.remove("is-active");
    hovered = [];
  });

  // A record embedded deep in its file: open the panel where the record begins.
  const first = Number(panel.dataset.first);
  if (Number.isFinite(first) && first > 0) {
    const start = Array.from(panel.querySelectorAll(".src[data-start]")).find(
      (el) => Number(el.dataset.start) >= first,
    );
    if (start) panel.scrollTop = Math.max(0, start.offsetTop - panel.offsetTop - 16);
  }
})();
