/**
 * Số, ký hiệu (ô 3): "Số: 1237/UBND" (State, colon, "/" after the number), "Số 677-CV/TU" (Party,
 * no colon, "-" after the number), with what scans and e-signing do to them:
 *
 *   S6: 15/QĐ-BNV        OCR reads "Số" as "S6"
 *   Số 1534 - CV/BTCTW   spaces around the dash
 *   Số -CV/ĐU            e-signed: the number is stamped elsewhere, the line keeps the symbol
 */

/** The number and symbol read from a number line, with the symbol's offsets on the line. */
export interface NumberRead {
  number: string | null;
  symbol: string;
  at: [number, number];
}

import { joinSymbolLetters } from "./ocr-words.js";

const LABEL = /^\s*[*_]*\s*(?:Số|SỐ|S ?[ốoôóồỐ60]|So|SO)\s*(?:hiệu)?\s*[:.]?\s*/u;
const SYMBOL =
  /^([0-9]{0,6}[a-zA-Z]?)\s*([-/–—‐])?\s*((?:[0-9]{4}\s*\/\s*)?[\p{Lu}\p{Ll}0-9.&]+(?:\s*[-/–—‐]\s*[\p{Lu}\p{Ll}0-9.&]+)*)/u;

/** Reads the number line; null when it holds no symbol. */
export function readNumber(text: string): NumberRead | null {
  const label = LABEL.exec(text);
  if (!label) return null;
  const rest = joinSymbolLetters(text.slice(label[0].length));
  const m = SYMBOL.exec(rest);
  if (!m) return null;
  const number = m[1] ? m[1] : null;
  if (!m[2] && !number) return null;
  const raw = m[0];
  const symbol = raw.replace(/\s+/g, "").replace(/[–—‐]/g, "-");
  if (!/[/-]/.test(symbol) || !/\p{L}/u.test(symbol)) return null;
  const start = label[0].length + (m.index ?? 0);
  return { number, symbol, at: [start, start + raw.length] };
}
