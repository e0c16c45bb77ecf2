/**
 * HTML → faithful text in reading order: block elements, table rows and table cells each on
 * their own lines; scripts, styles and the head dropped; entities decoded. Website menus stay:
 * the parser finds the document inside the page. htmlparser2's streaming parser is used, not a
 * DOM walk: pages nest deep enough (50 000 <div>) to overflow a recursive one.
 */
import { Parser } from "htmlparser2";
import { type Decoded, decode } from "./decode.js";

/** Elements that start and end a line of text. */
const BLOCK = new Set(
  (
    "address article aside blockquote body caption center dd div dl dt fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section table tbody td tfoot th thead tr ul"
  ).split(" "),
);
/** Elements whose content is not text of the page. */
const SKIP = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "title",
  "select",
]);
/** Elements with no content and no end tag. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "wbr",
]);

/** Collects text into lines as the parser streams tags and text. */
class LineBuilder {
  readonly lines: string[] = [];
  private parts: string[] = [];
  skip = 0;
  pre = 0;
  /** One entry per open list: the next item number, or 0 for a bulleted list. */
  readonly lists: number[] = [];

  text(t: string): void {
    if (this.skip > 0) return;
    if (this.pre > 0) {
      const [first, ...rest] = t.split(/\r\n?|\n/);
      this.parts.push(first ?? "");
      for (const line of rest) {
        this.flush(true);
        this.parts.push(line);
      }
      return;
    }
    this.parts.push(t.replace(/[ \t\n\r\f]+/g, " "));
  }

  /** Ends the current line; an empty one is kept only for a <br> or inside <pre>. */
  flush(keepEmpty = false): void {
    const line = this.parts.join("");
    this.parts = [];
    let text = this.pre > 0 ? line.trimEnd() : line.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
    if (text.trim() === "") text = ""; // "<p>&nbsp;</p>": Word's empty paragraph
    if (text !== "" || keepEmpty) this.lines.push(text);
  }
}

function builder(): { out: LineBuilder; parser: Parser } {
  const out = new LineBuilder();
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) out.skip++;
        if (out.skip > 0) return;
        if (name === "br") out.flush(true);
        else if (BLOCK.has(name)) out.flush();
        if (name === "pre") out.pre++;
        if (name === "ul") out.lists.push(0);
        if (name === "ol") out.lists.push(1);
        if (name === "li") {
          const n = out.lists[out.lists.length - 1] ?? 0;
          out.text(n > 0 ? `${n}. ` : "- ");
          if (n > 0) out.lists[out.lists.length - 1] = n + 1;
        }
      },
      ontext(t) {
        out.text(t);
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) {
          out.skip = Math.max(0, out.skip - 1);
          return;
        }
        if (out.skip > 0 || (VOID.has(name) && implied)) return;
        if (BLOCK.has(name)) out.flush();
        if (name === "pre") out.pre = Math.max(0, out.pre - 1);
        if (name === "ul" || name === "ol") out.lists.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  return { out, parser };
}

/** HTML markup (already a string) → text, one block or table cell per line. */
export function htmlToText(html: string): string {
  const { out, parser } = builder();
  parser.end(html);
  out.flush();
  return out.lines.join("\n");
}

const CHARSET = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w:.-]{1,40})/i;

/** The charset an HTML page declares in a <meta> of its first few kilobytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString(
    "latin1",
  );
  return CHARSET.exec(head)?.[1]?.toLowerCase();
}

/**
 * Reads an HTML file: charset from its BOM, else valid UTF-8, else its <meta>; then its text.
 * Legacy-font repair is left to the caller, after the markup (and its entities) are gone.
 */
export function readHtml(bytes: Uint8Array): Decoded {
  const decoded = decode(bytes, { declared: declaredCharset(bytes), legacy: false });
  return { ...decoded, text: htmlToText(decoded.text) };
}
