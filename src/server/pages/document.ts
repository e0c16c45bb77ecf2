/**
 * A document's page: the record's fields beside the file's normalised text. Each field with a span
 * lights up where it was read (web/static/document.js); corrected fields carry a "Đã sửa" badge, and
 * people who may correct get an edit form per field (plain form posts, so it works without scripts).
 */
import { html } from "hono/html";
import type { Citation, DocumentRecord, Signer } from "../../parse/record.js";
import type { CorrectableField, Correction } from "../../store/corrections.js";
import type { DocumentDetail } from "../../store/document-view.js";
import type { StoredDocument } from "../../store/documents.js";
import type { RegisterEntry } from "../../store/register.js";
import type { MessageKey } from "../i18n.js";
import { formatDate, formatDateTime, todayInVietnam, valueText } from "./format.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";
import { pieces } from "./source-text.js";

/** How a field is edited: one line, a paragraph, a choice, a date, a list, or a block of parts. */
type FieldKind = "line" | "paragraph" | "system" | "date" | "list" | "signer" | "marks";

/** The fields shown as editable rows, in the order of a document's header and closing. */
export const fieldKinds: ReadonlyArray<[CorrectableField, FieldKind]> = [
  ["system", "system"],
  ["type", "line"],
  ["number", "line"],
  ["symbol", "line"],
  ["issuer", "line"],
  ["parent_issuer", "line"],
  ["place", "line"],
  ["date", "date"],
  ["subject", "paragraph"],
  ["recipients", "list"],
  ["signer", "signer"],
  ["distribution", "list"],
  ["marks", "marks"],
];

const signerParts = ["authority", "position", "name"] as const;
const markParts = ["urgency", "secrecy", "circulation"] as const;

/** Everything the document page shows. */
export interface DocumentView {
  doc: DocumentDetail["document"];
  fileName: string;
  text: string | null;
  corrections: Correction[];
  /** Names of the people who corrected, by user id. */
  people: ReadonlyMap<number, string>;
  /** The other records read from the same file. */
  siblings: StoredDocument[];
  registration: RegisterEntry | null;
  canCorrect: boolean;
  canRegister: boolean;
  /** What the last form post did: a saved field, an unchanged value, a registration, or an error code. */
  flash: { saved?: string; unchanged?: boolean; registered?: number; error?: string; field?: string };
}

function fieldLabel(p: PageContext, field: string): string {
  return p.t(`field.${field}` as MessageKey);
}

function empty(p: PageContext): Html {
  return html`<span class="muted">${p.t("doc.empty")}</span>`;
}

function signerValue(p: PageContext, s: Signer | null | undefined): Html {
  if (!s || (!s.authority && !s.position && !s.name)) return empty(p);
  return html`<div class="signer">${signerParts.map((k) =>
    s[k] ? html`<div><span class="sublabel">${p.t(`signer.${k}`)}:</span> ${s[k]}</div>` : "",
  )}</div>`;
}

function marksValue(p: PageContext, m: DocumentRecord["marks"] | null | undefined): Html {
  const set = markParts.filter((k) => m?.[k]);
  if (!m || set.length === 0) return empty(p);
  return html`${set.map((k) => html`<div><span class="sublabel">${p.t(`marks.${k}`)}:</span> ${m[k]}</div>`)}`;
}

function listValue(p: PageContext, items: unknown): Html {
  if (!Array.isArray(items) || items.length === 0) return empty(p);
  return html`<ul class="plain-list">${items.map((i) => html`<li>${valueText(i, p.lang)}</li>`)}</ul>`;
}

function fieldValue(p: PageContext, record: DocumentRecord, field: CorrectableField, kind: FieldKind): Html {
  const v = (record as unknown as Record<string, unknown>)[field];
  switch (kind) {
    case "system":
      return v === "party" || v === "state" ? html`${p.t(`system.${v}`)}` : v ? html`${String(v)}` : empty(p);
    case "date":
      return typeof v === "string" && v ? html`${formatDate(v)}` : empty(p);
    case "list":
      return listValue(p, v);
    case "signer":
      return signerValue(p, v as Signer);
    case "marks":
      return marksValue(p, v as DocumentRecord["marks"]);
    default:
      return typeof v === "string" && v ? html`${v}` : v ? html`${valueText(v, p.lang)}` : empty(p);
  }
}

function editForm(p: PageContext, view: DocumentView, field: CorrectableField, kind: FieldKind): Html {
  const record = view.doc.record as unknown as Record<string, unknown>;
  const v = record[field];
  const id = `edit-${field}`;
  let control: Html;
  switch (kind) {
    case "system":
      control = html`<select id="${id}" name="value">
        <option value="" ${!v ? "selected" : ""}>${p.t("doc.empty")}</option>
        <option value="party" ${v === "party" ? "selected" : ""}>${p.t("system.party")}</option>
        <option value="state" ${v === "state" ? "selected" : ""}>${p.t("system.state")}</option>
      </select>`;
      break;
    case "date":
      control = html`<input id="${id}" name="value" type="date"
        value="${typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : ""}" />`;
      break;
    case "paragraph":
      control = html`<textarea id="${id}" name="value" rows="4" maxlength="5000">${typeof v === "string" ? v : ""}</textarea>`;
      break;
    case "list":
      control = html`<textarea id="${id}" name="value" rows="5" maxlength="20000"
        aria-describedby="${id}-hint">${Array.isArray(v) ? v.map((i) => valueText(i, p.lang)).join("\n") : ""}</textarea>
        <p class="hint" id="${id}-hint">${p.t("doc.linesHint")}</p>`;
      break;
    case "signer": {
      const s = (v ?? {}) as Partial<Signer>;
      control = html`${signerParts.map(
        (
          k,
          i,
        ) => html`<label class="field-label" for="${i === 0 ? id : `${id}-${k}`}">${p.t(`signer.${k}`)}</label>
          <input id="${i === 0 ? id : `${id}-${k}`}" name="${k}" type="text" value="${s[k] ?? ""}" maxlength="300" />`,
      )}`;
      break;
    }
    case "marks": {
      const m = (v ?? {}) as Partial<DocumentRecord["marks"]>;
      control = html`${markParts.map(
        (
          k,
          i,
        ) => html`<label class="field-label" for="${i === 0 ? id : `${id}-${k}`}">${p.t(`marks.${k}`)}</label>
          <input id="${i === 0 ? id : `${id}-${k}`}" name="${k}" type="text" value="${m[k] ?? ""}" maxlength="300" />`,
      )}`;
      break;
    }
    default:
      control = html`<input id="${id}" name="value" type="text" value="${typeof v === "string" ? v : ""}" maxlength="1000" />`;
  }
  const label = fieldLabel(p, field);
  return html`<details class="edit" ${view.flash.error && view.flash.field === field ? "open" : ""}>
    <summary><span>${p.t("doc.edit")}</span><span class="visually-hidden"> ${label}</span></summary>
    <form method="post" action="/documents/${view.doc.id}/correct" class="edit-form">
      ${csrfField(p)}<input type="hidden" name="field" value="${field}" />
      ${kind === "signer" || kind === "marks" ? "" : html`<label class="visually-hidden" for="${id}">${p.t("doc.editField", { field: label })}</label>`}
      ${control}
      <button type="submit" class="button primary small">${p.t("doc.save")}</button>
    </form>
  </details>`;
}

function correctedBadge(p: PageContext, view: DocumentView, field: string): Html {
  const last = view.corrections.filter((c) => c.field === field).at(-1);
  if (!last) return html``;
  const who = view.people.get(last.userId) ?? `#${last.userId}`;
  const when = formatDateTime(last.createdAt);
  return html`<span class="badge badge-corrected" title="${p.t("doc.correctedBy", { name: who, when })}">${p.t("doc.corrected")}</span>
    <span class="corrected-by">${who} · ${when}</span>`;
}

function fieldRow(p: PageContext, view: DocumentView, field: CorrectableField, kind: FieldKind): Html {
  const record = view.doc.record;
  const span = record.spans?.[field];
  const inferred = record.inferred?.includes(field);
  return html`<div class="field-row${span ? " has-span" : ""}" id="field-${field}" data-field="${field}"
      ${span ? html`data-span="${field}" tabindex="0"` : ""}>
    <dt>${fieldLabel(p, field)}
      ${inferred ? html`<span class="badge badge-inferred" title="${p.t("doc.inferredTitle")}">${p.t("doc.inferred")}</span>` : ""}
      ${correctedBadge(p, view, field)}
    </dt>
    <dd class="value">${fieldValue(p, record, field, kind)}</dd>
    ${view.canCorrect ? html`<dd class="edit-cell">${editForm(p, view, field, kind)}</dd>` : ""}
  </div>`;
}

function citationItem(p: PageContext, c: Citation, i: number): Html {
  const parts = [c.type, c.symbol].filter(Boolean).join(" ");
  return html`<li data-span="citation-${i}" tabindex="0">
    <span class="tag">${p.t(`relation.${c.relation}`)}</span> <strong>${parts}</strong>${c.date ? html`, ${formatDate(c.date)}` : ""}${c.issuer ? html` — ${c.issuer}` : ""}
  </li>`;
}

function readOnlyRows(p: PageContext, view: DocumentView): Html {
  const r = view.doc.record;
  const siblingByRecord = new Map(view.siblings.map((s) => [s.recordId, s]));
  const attachments = (r.attachments ?? []).map((a) => {
    const label = [a.type, a.symbol].filter(Boolean).join(" ") || a.id || "";
    const target = a.id ? siblingByRecord.get(a.id) : undefined;
    return html`<li>${target ? html`<a href="/documents/${target.id}">${label}</a>` : label}</li>`;
  });
  const stamps = r.stamps ?? [];
  return html`
    <div class="field-row" id="field-attachments"><dt>${p.t("field.attachments")}</dt>
      <dd class="value">${attachments.length ? html`<ul class="plain-list">${attachments}</ul>` : empty(p)}</dd></div>
    <div class="field-row" id="field-citations"><dt>${p.t("field.citations")}</dt>
      <dd class="value">${(r.citations ?? []).length ? html`<ul class="plain-list citations">${r.citations.map((c, i) => citationItem(p, c, i))}</ul>` : empty(p)}</dd></div>
    ${
      stamps.length
        ? html`<div class="field-row${r.spans?.stamps ? " has-span" : ""}" id="field-stamps"
            ${r.spans?.stamps ? html`data-span="stamps" tabindex="0"` : ""}><dt>${p.t("field.stamps")}</dt>
            <dd class="value"><ul class="plain-list">${stamps.map((s) => html`<li>${s.raw}</li>`)}</ul></dd></div>`
        : ""
    }`;
}

function sourcePanel(p: PageContext, view: DocumentView): Html {
  const r = view.doc.record;
  if (view.text === null) return html`<p class="empty">${p.t("doc.noText")}</p>`;
  const spans: Record<string, [number, number]> = {};
  for (const [field, span] of Object.entries(r.spans ?? {})) if (Array.isArray(span)) spans[field] = span;
  (r.citations ?? []).forEach((c, i) => {
    if (Array.isArray(c.span)) spans[`citation-${i}`] = c.span;
  });
  const first = Math.min(...Object.values(spans).map((s) => s[0]), Number.POSITIVE_INFINITY);
  return html`<pre class="source-text" id="source-text" tabindex="0" aria-labelledby="source-title"
    ${Number.isFinite(first) ? html`data-first="${first}"` : ""}>${pieces(view.text, spans).map((piece) =>
      piece.fields.length
        ? html`<span class="src" data-f="${piece.fields.join(" ")}" data-start="${piece.start}">${piece.text}</span>`
        : piece.text,
    )}</pre>`;
}

function flash(p: PageContext, view: DocumentView): Html {
  const f = view.flash;
  if (f.error) {
    const key = `doc.error.${f.error}` as MessageKey;
    return notice("error", p.t(key) === key ? p.t("doc.error.invalid") : p.t(key));
  }
  if (f.registered) return notice("success", p.t("doc.registeredNow", { number: f.registered }));
  if (f.unchanged) return notice("info", p.t("doc.unchanged"));
  if (f.saved) return notice("success", p.t("doc.saved", { field: fieldLabel(p, f.saved) }));
  return html``;
}

function registerBox(p: PageContext, view: DocumentView): Html {
  const reg = view.registration;
  if (reg)
    return html`<div class="registered" id="registration">
      <span class="badge badge-registered">${p.t("register.number")} ${reg.number}</span>
      ${p.t("doc.registered", { number: reg.number, date: formatDate(reg.receivedOn) })}
      <a href="/register?year=${reg.year}">${p.t("nav.register")} ${reg.year}</a>
    </div>`;
  if (!view.canRegister) return html``;
  return html`<details class="register-box" id="registration">
    <summary class="button">${p.t("doc.register")}</summary>
    <form method="post" action="/documents/${view.doc.id}/register" class="stack">
      ${csrfField(p)}
      <p class="hint">${p.t("doc.registerHint")}</p>
      <label class="field-label" for="reg-received">${p.t("doc.receivedOn")}</label>
      <input id="reg-received" name="receivedOn" type="date" value="${todayInVietnam()}" required />
      <label class="field-label" for="reg-handler">${p.t("doc.handler")}</label>
      <input id="reg-handler" name="handler" type="text" maxlength="200" />
      <label class="field-label" for="reg-note">${p.t("doc.note")}</label>
      <input id="reg-note" name="note" type="text" maxlength="2000" />
      <button type="submit" class="button primary">${p.t("doc.registerSubmit")}</button>
    </form>
  </details>`;
}

function history(p: PageContext, view: DocumentView): Html {
  const rows = [...view.corrections].reverse();
  return html`<section class="history" aria-labelledby="history-title">
    <h2 id="history-title">${p.t("doc.history")}</h2>
    ${
      rows.length === 0
        ? html`<p class="muted">${p.t("doc.historyEmpty")}</p>`
        : html`<div class="table-wrap"><table class="table">
          <thead><tr><th scope="col">${p.t("doc.when")}</th><th scope="col">${p.t("doc.who")}</th>
            <th scope="col">${p.t("doc.field")}</th><th scope="col">${p.t("doc.old")}</th><th scope="col">${p.t("doc.new")}</th></tr></thead>
          <tbody>${rows.map(
            (c) => html`<tr><td class="nowrap">${formatDateTime(c.createdAt)}</td>
              <td>${view.people.get(c.userId) ?? `#${c.userId}`}</td><td>${fieldLabel(p, c.field)}</td>
              <td class="old">${valueText(c.old, p.lang)}</td><td>${valueText(c.new, p.lang)}</td></tr>`,
          )}</tbody></table></div>`
    }
  </section>`;
}

/** The document page. */
export function documentPage(p: PageContext, view: DocumentView): Html {
  const r = view.doc.record;
  const heading = [r.type, r.symbol].filter(Boolean).join(" ") || p.t("doc.title");
  const sub = [r.issuer, formatDate(r.date)].filter(Boolean);
  const others = view.siblings.filter((s) => s.id !== view.doc.id);
  const body = html`<div class="page page-document">
    <nav class="crumbs" aria-label="breadcrumb"><a href="/documents">${p.t("nav.documents")}</a> <span aria-hidden="true">›</span> <span>${r.symbol ?? heading}</span></nav>
    <header class="doc-head">
      <div>
        <h1 class="page-title">${heading}</h1>
        <p class="doc-sub">${sub.map((s, i) => html`${i ? html`<span class="sep" aria-hidden="true">·</span>` : ""}<span>${s}</span>`)}</p>
      </div>
      <div class="doc-actions">
        <a class="button" href="/documents/${view.doc.id}/cascade">${p.t("doc.cascade")}</a>
        <a class="button" href="/documents/${view.doc.id}/tasks">${p.t("doc.tasks")}</a>
        <a class="button" href="/api/files/${view.doc.fileId}/original" download>${p.t("doc.download")}</a>
        ${registerBox(p, view)}
      </div>
    </header>
    ${flash(p, view)}
    <div class="doc-grid">
      <section class="record" aria-labelledby="record-title">
        <h2 id="record-title">${p.t("doc.record")}</h2>
        <dl class="fields">
          ${fieldKinds.map(([field, kind]) => fieldRow(p, view, field, kind))}
          ${readOnlyRows(p, view)}
        </dl>
        ${
          r.warnings?.length
            ? html`<div class="warnings"><h3>${p.t("doc.warnings")}</h3><ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>`
            : ""
        }
        <p class="file-line muted">${p.t("doc.file")}: ${view.fileName}</p>
        ${
          others.length
            ? html`<div class="siblings"><h3>${p.t("doc.sameFile")}</h3><ul class="plain-list">${others.map(
                (s) =>
                  html`<li><a href="/documents/${s.id}">${[s.record.type, s.record.symbol].filter(Boolean).join(" ") || s.recordId}</a></li>`,
              )}</ul></div>`
            : ""
        }
      </section>
      <section class="source" aria-labelledby="source-title">
        <h2 id="source-title">${p.t("doc.source")}</h2>
        <p class="hint">${p.t("doc.sourceHint")}</p>
        ${sourcePanel(p, view)}
      </section>
    </div>
    ${history(p, view)}
  </div>`;
  return layout(p, { title: heading, section: "documents", body, scripts: ["document.js"] });
}

/** The page for a document that does not exist or that the viewer may not read (404). */
export function documentNotFoundPage(p: PageContext): Html {
  const body = html`<div class="page page-narrow">
    <h1 class="page-title">${p.t("doc.notFound")}</h1>
    <p>${p.t("doc.notFoundText")}</p>
    <p><a class="button" href="/documents">${p.t("doc.back")}</a></p>
  </div>`;
  return layout(p, { title: p.t("doc.notFound"), section: "documents", body });
}

/** Reads a correction form into the value to store, or null when it does not validate. */
export function correctionValue(
  field: CorrectableField,
  form: Record<string, unknown>,
  current: DocumentRecord,
): { value: unknown } | null {
  const kind = fieldKinds.find(([f]) => f === field)?.[1];
  if (!kind) return null;
  const str = (name: string): string | null => {
    const v = form[name];
    if (typeof v !== "string") return null;
    const s = v.replace(/\r\n?/g, "\n").trim();
    return s === "" ? null : s;
  };
  switch (kind) {
    case "system": {
      const v = str("value");
      return v === null || v === "party" || v === "state" ? { value: v } : null;
    }
    case "date": {
      const v = str("value");
      if (v === null) return { value: null };
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? { value: v } : null;
    }
    case "list": {
      const v = str("value") ?? "";
      return {
        value: v
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      };
    }
    case "signer":
      return { value: Object.fromEntries(signerParts.map((k) => [k, str(k)])) };
    case "marks": {
      const old = (current.marks ?? {}) as unknown as Record<string, unknown>;
      return { value: { ...old, ...Object.fromEntries(markParts.map((k) => [k, str(k)])) } };
    }
    default: {
      const v = str("value");
      // A one-line field keeps one line: a pasted line break is a space.
      return { value: kind === "line" && v !== null ? v.replace(/\s*\n\s*/g, " ") : v };
    }
  }
}
