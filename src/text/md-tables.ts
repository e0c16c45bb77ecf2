/**
 * Markdown tables → one line per cell, in reading order. Official documents put their header in
 * a two-column table (issuer left, national motto right, NĐ 30/2020 Phụ lục I); renderings give
 * it as a pipe table, a pandoc grid table (`+---+`) or a pandoc simple/multiline table (columns
 * set by a row of dashes). Each cell's lines come out together, left cell before right cell.
 */

/** A pandoc dash row with two or more columns: "  ------  --------". */
export const DASH_ROW = /^ *-{3,}(?: +-{3,})+ *$/;
/** A grid table border: "+----+:---:+" or "+====+". */
export const GRID_BORDER = /^ *\+(?:[-=:]+\+)+ *$/;

/** Splits a line at its unescaped pipes (a `\|` stays in its cell). */
export function splitPipes(line: string): string[] {
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x7c) {
      cells.push(line.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(line.slice(start));
  return cells;
}

/** True when the line has a pipe that is not escaped. */
export function hasPipe(line: string): boolean {
  let i = line.indexOf("|");
  while (i >= 0) {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line.charCodeAt(j) === 0x5c; j--) slashes++;
    if (slashes % 2 === 0) return true;
    i = line.indexOf("|", i + 1);
  }
  return false;
}

const SEPARATOR_CELL = /^ *:?-+:? *$/;

/** A pipe table's cells, or null for its separator row ("|---|:---:|"). */
export function pipeCells(line: string): string[] | null {
  const cells = splitPipes(line)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c))) return null;
  return cells;
}

/** Column spans [start, end) from a dash row or grid border, in code units of that line. */
function columns(rule: string, grid: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = grid ? /[-=:]+/g : /-+/g;
  for (let m = re.exec(rule); m; m = re.exec(rule)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Cuts a row line into cells. Cells run from one column's start to the next column's start, so
 * text a little wider than its dashes stays whole; a cut inside a word moves back to a space.
 */
function cut(line: string, spans: Array<[number, number]>): string[] {
  const cells: string[] = [];
  let from = 0;
  for (let k = 0; k < spans.length; k++) {
    let to = k + 1 < spans.length ? spans[k + 1]![0] : line.length;
    if (to < line.length && to > from && line[to - 1] !== " " && line[to] !== " ") {
      const space = line.lastIndexOf(" ", to);
      if (space > from) to = space;
    }
    cells.push(line.slice(from, Math.max(from, to)));
    from = Math.max(from, to);
  }
  return cells;
}

/** Lines of a row block (one or more source lines) → each column's text lines, column by column. */
function rowCells(block: string[], spans: Array<[number, number]>, grid: boolean): string[][] {
  const byColumn: string[][] = spans.map(() => []);
  for (const raw of block) {
    const line = raw.normalize("NFC");
    const parts = grid ? splitPipes(line).slice(1, spans.length + 1) : cut(line, spans);
    parts.forEach((p, k) => {
      const t = p.trim();
      if (t !== "") byColumn[k]?.push(t);
    });
  }
  return byColumn;
}

/** What a table turned into: cell lines (not yet inline-cleaned) and how many source lines it used. */
export interface TableLines {
  cells: string[][];
  used: number;
}

/** A grid table from its first border at `lines[i]`, or null when the block is not one. */
export function gridTable(lines: string[], i: number): TableLines | null {
  const spans = columns(lines[i]!.trim(), true);
  if (spans.length === 0) return null;
  const cells: string[][] = [];
  let block: string[] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const l = lines[j]!.trim();
    if (GRID_BORDER.test(l)) {
      if (block.length) cells.push(...rowCells(block, spans, true));
      block = [];
    } else if (l.startsWith("|")) block.push(l);
    else break;
  }
  if (block.length) cells.push(...rowCells(block, spans, true));
  return { cells, used: j - i };
}

/**
 * A pandoc simple or multiline table whose dash row is `lines[i]`, with `header` the line above it
 * when the table has one. A multiline table closes with another dash row and separates its rows
 * by blank lines; a simple table ends at the first blank line.
 */
export function dashTable(lines: string[], i: number, header: string | null): TableLines {
  const rule = lines[i]!;
  const spans = columns(rule, false);
  const width = rule.trimEnd().length;
  let close = -1;
  for (let j = i + 1, blanks = 0; j < lines.length && j < i + 400; j++) {
    const l = lines[j]!;
    // The closing row spans the table as the opening one does; a short rule is cell content.
    if (/^ *---[- ]*$/.test(l) && l.trimEnd().length >= width * 0.8) {
      close = j;
      break;
    }
    blanks = l.trim() === "" ? blanks + 1 : 0;
    if (blanks >= 2) break;
  }
  const cells: string[][] = [];
  if (header !== null) cells.push(...rowCells([header], spans, false));
  if (close > 0) {
    let block: string[] = [];
    for (let j = i + 1; j < close; j++) {
      if (lines[j]!.trim() === "") {
        if (block.length) cells.push(...rowCells(block, spans, false));
        block = [];
      } else block.push(lines[j]!);
    }
    if (block.length) cells.push(...rowCells(block, spans, false));
    return { cells, used: close - i + 1 };
  }
  let j = i + 1;
  for (; j < lines.length && lines[j]!.trim() !== ""; j++) cells.push(...rowCells([lines[j]!], spans, false));
  return { cells, used: j - i };
}
