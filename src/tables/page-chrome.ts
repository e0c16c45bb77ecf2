import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const schema = z.object({ phrases: z.array(z.string()).min(1), captions: z.object({ pattern: z.string() }) });
const table = schema.parse(readTable("page-chrome.json"));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phrases = new RegExp(table.phrases.map((p) => escapeRe(fold(p))).join("|"));
const caption = new RegExp(table.captions.pattern, "u");

/** Whether a line is text of the web page or repository around a document (menus, notices, metadata). */
export function isPageChrome(line: string): boolean {
  const f = fold(line);
  if (phrases.test(f)) return true;
  return line.length < 700 && caption.test(line.trim());
}
