/** A line of the normalised text, with its place in it. */
export interface Line {
  /** The line's text without its "\n". */
  text: string;
  /** Offset of the line's first character in the text. */
  start: number;
  /** Offset just past the line's last character (before "\n"). */
  end: number;
}

/** Splits text into lines, keeping offsets so that every field can carry its span. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf("\n", start);
    if (end === -1 || end > to) end = to;
    lines.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
  return lines;
}

/** Collapses runs of whitespace and trims: the form in which fields are reported. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
