/**
 * The upload page: a drop zone over a plain multiple-file input. web/static/upload.js sends the files
 * to POST /api/upload with the CSRF header and lists what became of each; without scripts the form
 * posts to the same address itself.
 */
import { html } from "hono/html";
import { messages } from "../i18n.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";

/** The words upload.js shows, handed over in data attributes (no inline script under the CSP). */
const scriptWords = [
  "upload.selected",
  "upload.sending",
  "upload.imported",
  "upload.duplicate",
  "upload.failed",
  "upload.reparsed",
  "upload.noFiles",
  "upload.error",
  "upload.noDocuments",
  "upload.file",
  "upload.status",
  "upload.documents",
  "docs.untitled",
  "docs.noSymbol",
] as const;

// "docs.noSymbol" → "docs-no-symbol": read back by the script as dataset.msgDocsNoSymbol.
function attrName(key: string): string {
  return key.replace(".", "-").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The upload page; `allowed` false for a role that may not upload. */
export function uploadPage(p: PageContext, allowed: boolean): Html {
  const words = messages(p.lang);
  const body = allowed
    ? html`<div class="page page-upload">
    <h1 class="page-title">${p.t("upload.title")}</h1>
    <p class="muted">${p.t("upload.intro")}</p>
    <form id="upload-form" class="upload-form" method="post" action="/api/upload" enctype="multipart/form-data"
      ${scriptWords.map((k) => html`data-msg-${attrName(k)}="${words[k]}" `)}>
      ${csrfField(p)}
      <div class="dropzone" id="dropzone">
        <div class="dropzone-icon" aria-hidden="true"></div>
        <p class="dropzone-title">${p.t("upload.drop")}</p>
        <p class="muted">${p.t("upload.or")}</p>
        <label class="button" for="files">${p.t("upload.choose")}</label>
        <input id="files" name="files" type="file" multiple class="file-input"
          accept=".doc,.docx,.pdf,.html,.htm,.txt,.md,application/pdf,text/plain,text/html,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
        <p class="chosen muted" id="chosen" aria-live="polite"></p>
      </div>
      <label class="check"><input type="checkbox" name="public" value="on" checked />
        <span>${p.t("upload.public")}</span></label>
      <p class="hint">${p.t("upload.publicHint")}</p>
      <button type="submit" class="button primary" id="upload-submit">${p.t("upload.submit")}</button>
    </form>
    <section class="upload-results" id="upload-results" aria-live="polite" hidden>
      <h2>${p.t("upload.results")}</h2>
      <p class="upload-status" id="upload-status"></p>
      <div class="table-wrap"><table class="table">
        <thead><tr><th scope="col">${p.t("upload.file")}</th><th scope="col">${p.t("upload.status")}</th>
          <th scope="col">${p.t("upload.documents")}</th></tr></thead>
        <tbody id="upload-rows"></tbody>
      </table></div>
    </section>
  </div>`
    : html`<div class="page page-narrow"><h1 class="page-title">${p.t("upload.title")}</h1>
      ${notice("error", p.t("upload.forbidden"))}</div>`;
  return layout(p, {
    title: p.t("upload.title"),
    section: "upload",
    body,
    scripts: allowed ? ["upload.js"] : [],
  });
}
