/**
 * The source panel of a document page: the file's normalised text cut at every span boundary, so
 * that each piece knows every field read from it. Overlapping spans (a type inside a stamp, a
 * citation inside the subject) simply give a piece several fields.
 */

/** A run of the text and the fields whose spans cover all of it (empty: no field). */
export interface Piece {
  text: string;
  start: number;
  fields: string[];
}

/**
 * Cuts `text` into pieces at the boundaries of `spans` (`[start, end)` offsets; out-of-range ends are
 * clipped, empty and inverted spans ignored). Pieces are in order and their texts join to `text`.
 *
 * @example
 * pieces("Số 12/UBND", { symbol: [3, 10], number: [3, 5] });
 * // [{text: "Số ", fields: []}, {text: "12", fields: ["symbol", "number"]}, {text: "/UBND", fields: ["symbol"]}]
 */
export function pieces(text: string, spans: Readonly<Record<string, readonly [number, number]>>): Piece[] {
  const valid: Array<[string, number, number]> = [];
  for (const [field, span] of Object.entries(spans)) {
    const start = Math.max(0, Math.min(text.length, Math.floor(span[0])));
    const end = Math.max(0, Math.min(text.length, Math.floor(span[1])));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) valid.push([field, start, end]);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const [, start, end] of valid) {
    cuts.add(start);
    cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const fields = valid.filter(([, s, e]) => s <= start && end <= e).map(([f]) => f);
    out.push({ text: text.slice(start, end), start, fields });
  }
  return out;
}
