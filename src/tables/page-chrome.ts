import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const schema = z.object({ phrases: z.array(z.string()).min(1) });
const phrases = schema.parse(readTable("page-chrome.json")).phrases.map(fold);

/** Whether a line is text of the web page or repository around a document (menus, notices, metadata). */
export function isPageChrome(line: string): boolean {
  const f = fold(line);
  return phrases.some((p) => f.includes(p));
}
