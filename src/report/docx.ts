/**
 * The report as a Word document laid out per NĐ 30/2020/NĐ-CP Phụ lục I (State) or HD 36-HD/VPTW
 * (Party) — docs/domain.md §1.2–1.6, §3.4: A4, Times New Roman; margins top and bottom 20 mm,
 * left 30 mm, right 15 mm; the header as two borderless columns (issuer left in bold capitals with
 * a short rule under it; Quốc hiệu and Tiêu ngữ, or "ĐẢNG CỘNG SẢN VIỆT NAM", right), the number
 * left blank for the Văn thư to fill at registration, the place and date in italics, the type and
 * subject centred in bold, the body, the signature block right and Nơi nhận left. Pages are
 * numbered at the top centre from the second page on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { COUNT_HEADERS, countValues } from "./counts.js";
import { upper } from "./heading.js";
import type { ReportCounts, ReportData, ReportDirective, ReportHeading, ReportRow } from "./types.js";
import { directiveTitle, dmy, dueText, itemNotes, percent, placeDateLine, statusWords } from "./words.js";

/** Sizes in points (NĐ 30/2020 Phụ lục I: 12–13 for the header names, 13–14 for the rest; Nơi nhận 12/11). */
const PT = { header: 13, motto: 14, body: 14, table: 13, recipientsTitle: 12, recipients: 11 } as const;
/** Margins in millimetres (NĐ 30/2020 Phụ lục I I.5). */
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const A4_MM = { width: 210, height: 297 } as const;
const FONT = "Times New Roman";

/** Millimetres in twips, rounded (A4 is exactly 11906 × 16838). */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const half = (pt: number) => pt * 2;
const TEXT_WIDTH = twip(A4_MM.width - MARGIN_MM.left - MARGIN_MM.right);

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

function run(l: Line): TextRun {
  return new TextRun({
    text: l.text,
    bold: l.bold,
    italics: l.italics,
    underline: l.underline ? {} : undefined,
    size: half(l.size ?? PT.body),
    font: FONT,
  });
}

function para(
  content: string | Line | Line[],
  o: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    after?: number;
    before?: number;
    keepNext?: boolean;
  } & Omit<Line, "text"> = {},
): Paragraph {
  const lines =
    typeof content === "string" ? [{ text: content }] : Array.isArray(content) ? content : [content];
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: twip(10) } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 276 },
    keepNext: o.keepNext,
    children: lines.map((l) =>
      run({ bold: o.bold, italics: o.italics, underline: o.underline, size: o.size, ...l }),
    ),
  });
}

const centred = (text: string, o: Omit<Line, "text"> & { after?: number } = {}) =>
  para({ text, ...o }, { align: AlignmentType.CENTER, after: o.after ?? 0 });

/** A short centred rule, as under the issuer and under the subject: a bottom border on an indented empty line. */
function rule(widthMm: number, cellMm: number): Paragraph {
  const side = twip(Math.max(0, (cellMm - widthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 120, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

function cell(children: Paragraph[], widthTwip: number, o: { rowSpan?: number; columnSpan?: number } = {}) {
  return new TableCell({
    children,
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...o,
  });
}

/** A borderless two-column layout (the header, the closing). */
function layoutTable(columnsMm: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  const widths = columnsMm.map(twip);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: widths[0]!, type: WidthType.DXA } }),
          new TableCell({ children: right, width: { size: widths[1]!, type: WidthType.DXA } }),
        ],
      }),
    ],
  });
}

/** A ruled table with a bold header row repeated on every page. */
function gridTable(columnsMm: number[], header: string[], rows: TableCell[][]): Table {
  const widths = columnsMm.map(twip);
  const small = (text: string, bold = false) =>
    para({ text, bold, size: PT.table }, { align: AlignmentType.CENTER, after: 0 });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell([small(h, true)], widths[i]!)),
      }),
      ...rows.map((children) => new TableRow({ cantSplit: true, children })),
    ],
  });
}

/** A table cell's text: one paragraph per line, left-aligned or centred. */
function textCell(
  lines: string[],
  widthMm: number,
  o: { center?: boolean; bold?: boolean; rowSpan?: number } = {},
): TableCell {
  const paragraphs = (lines.length > 0 ? lines : [""]).map((text) =>
    para(
      { text, bold: o.bold, size: PT.table },
      { align: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, after: 0 },
    ),
  );
  return cell(paragraphs, twip(widthMm), o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {});
}

/** Ô 1–4: issuer, number and motto, place and date. */
function header(h: ReportHeading, date: string): Table {
  const left: Paragraph[] = [];
  const leftMm = 72;
  const rightMm = A4_MM.width - MARGIN_MM.left - MARGIN_MM.right - leftMm;
  if (h.parentIssuer) left.push(centred(upper(h.parentIssuer), { size: PT.header }));
  left.push(centred(upper(h.issuer), { bold: true, size: PT.header }));
  // HD 36: a star under a Party body's name; NĐ 30: a rule a third to a half of the name's width.
  if (h.system === "party") left.push(centred("*", { size: PT.header, after: 120 }));
  else left.push(rule(24, leftMm));
  const number =
    h.system === "party" ? `Số       -${h.symbolCode.trim()}` : `Số:       /${h.symbolCode.trim()}`;
  left.push(centred(number, { size: PT.header }));

  const right: Paragraph[] =
    h.system === "party"
      ? [
          centred("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: PT.motto, after: 280 }),
          centred(placeDateLine(h.place, date), { italics: true, size: PT.body }),
        ]
      : [
          centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: PT.header }),
          centred("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true, size: PT.motto, after: 280 }),
          centred(placeDateLine(h.place, date), { italics: true, size: PT.body }),
        ];
  return layoutTable([leftMm, rightMm], left, right);
}

/** The subject line under "BÁO CÁO": what is reported on, and for which period. */
export function reportSubject(data: ReportData): string {
  const d = data.directives;
  const about =
    d.length === 1 && d[0]!.symbol
      ? `theo ${d[0]!.type ?? "văn bản"} số ${d[0]!.symbol}`
      : data.scope.directiveIds.length > 0 || data.scope.orgKeys.length === 0
        ? "theo các văn bản chỉ đạo"
        : "được giao";
  return `Kết quả thực hiện nhiệm vụ ${about} ${data.period.phrase}`;
}

function countLines(c: ReportCounts): string[] {
  return [
    `- Đã hoàn thành: ${c.done} nhiệm vụ (${percent(c.done, c.total)}), trong đó đúng hạn: ${c.doneOnTime};`,
    `- Đang thực hiện, trong hạn: ${c.inProgress};`,
    `- Chưa triển khai: ${c.notStarted};`,
    `- Quá hạn, chưa hoàn thành: ${c.overdue};`,
    `- Đã hủy: ${c.cancelled}.`,
  ];
}

function countSentence(c: ReportCounts): string {
  return (
    `Tổng số: ${c.total} nhiệm vụ; hoàn thành: ${c.done} (đúng hạn: ${c.doneOnTime}); ` +
    `đang thực hiện: ${c.inProgress}; chưa triển khai: ${c.notStarted}; quá hạn: ${c.overdue}; hủy: ${c.cancelled}.`
  );
}

const UNIT_COLUMNS = [45, 15, 18, 18, 18, 17, 17, 17];

function unitsTable(data: ReportData): Table {
  const row = (label: string, c: ReportCounts, bold = false) =>
    [label, ...countValues(c).map(String)].map((text, i) =>
      textCell([text], UNIT_COLUMNS[i]!, { center: i > 0, bold }),
    );
  return gridTable(
    UNIT_COLUMNS,
    ["Đơn vị chủ trì", ...COUNT_HEADERS],
    [...data.units.map((u) => row(u.label, u.counts)), row("Tổng cộng", data.totals, true)],
  );
}

const TASK_COLUMNS = [10, 55, 32, 20, 22, 26];

/** Section II's table of one directive: one row per item, a task's number and words spanning its items. */
function tasksTable(d: ReportDirective): Table {
  const rows: TableCell[][] = [];
  d.tasks.forEach((t, k) => {
    const words = [`${t.clause ? `(${t.clause}) ` : ""}${t.action}`];
    if (t.deliverable) words.push(`Sản phẩm: ${t.deliverable}`);
    const coordinate = t.coordinators.length > 0 ? [`Phối hợp: ${t.coordinators.join(", ")}`] : [];
    const span = Math.max(1, t.items.length);
    const lead = [textCell([String(k + 1)], TASK_COLUMNS[0]!, { center: true, rowSpan: span })];
    lead.push(textCell(words, TASK_COLUMNS[1]!, { rowSpan: span }));
    if (t.items.length === 0) {
      rows.push([
        ...lead,
        textCell(["—"], TASK_COLUMNS[2]!),
        textCell([dueText(t, null) || dmy(t.deadline)], TASK_COLUMNS[3]!, { center: true }),
        textCell(["—"], TASK_COLUMNS[4]!, { center: true }),
        textCell(["Chưa xác định đơn vị chủ trì", ...coordinate], TASK_COLUMNS[5]!),
      ]);
      return;
    }
    t.items.forEach((item, i) => {
      const cells = [
        textCell([item.unitLabel], TASK_COLUMNS[2]!),
        textCell([dueText(t, item)], TASK_COLUMNS[3]!, { center: true }),
        textCell([statusWords[item.status]], TASK_COLUMNS[4]!, { center: true }),
        textCell([...itemNotes(item), ...(i === 0 ? coordinate : [])], TASK_COLUMNS[5]!),
      ];
      rows.push(i === 0 ? [...lead, ...cells] : cells);
    });
  });
  return gridTable(
    TASK_COLUMNS,
    ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Ghi chú"],
    rows,
  );
}

const OVERDUE_COLUMNS = [10, 55, 25, 30, 20, 25];

function overdueTable(rows: ReportRow[]): Table {
  return gridTable(
    OVERDUE_COLUMNS,
    ["TT", "Nhiệm vụ", "Văn bản", "Đơn vị chủ trì", "Thời hạn", "Số ngày quá hạn"],
    rows.map((r, k) => [
      textCell([String(k + 1)], OVERDUE_COLUMNS[0]!, { center: true }),
      textCell([`${r.clause ? `(${r.clause}) ` : ""}${r.action}`], OVERDUE_COLUMNS[1]!),
      textCell([r.symbol ?? ""], OVERDUE_COLUMNS[2]!, { center: true }),
      textCell([r.item.unitLabel], OVERDUE_COLUMNS[3]!),
      textCell([dmy(r.item.due)], OVERDUE_COLUMNS[4]!, { center: true }),
      textCell([String(r.item.daysOverdue)], OVERDUE_COLUMNS[5]!, { center: true }),
    ]),
  );
}

const section = (text: string) => para({ text, bold: true }, { keepNext: true, before: 120, indent: true });

/** Ô 6: the body's four parts. */
function body(data: ReportData, h: ReportHeading): Array<Paragraph | Table> {
  const { period, totals } = data;
  const cutoff = dmy(period.to);
  const out: Array<Paragraph | Table> = [
    para(
      `Thực hiện chế độ báo cáo định kỳ, ${h.issuer} báo cáo kết quả thực hiện nhiệm vụ ${period.phrase} ` +
        `(số liệu tính từ ngày ${dmy(period.from)} đến ngày ${cutoff}) như sau:`,
      { indent: true },
    ),
    section("I. TÌNH HÌNH, KẾT QUẢ CHUNG"),
    para(
      `1. Tổng số nhiệm vụ theo dõi: ${totals.total} nhiệm vụ (tính theo từng đơn vị chủ trì và từng kỳ) ` +
        `của ${data.directives.length} văn bản chỉ đạo, trong đó:`,
      { indent: true },
    ),
    ...countLines(totals).map((l) => para(l, { indent: true })),
    para(
      `2. Trong kỳ báo cáo: ${data.dueInPeriod.length} nhiệm vụ đến hạn; ` +
        `${data.doneInPeriod.length} nhiệm vụ hoàn thành trong kỳ; ` +
        `${data.overdueAtCutoff.length} nhiệm vụ quá hạn tại ngày chốt số liệu (${cutoff}).`,
      { indent: true },
    ),
  ];
  if (data.units.length > 0) {
    out.push(para("3. Kết quả theo đơn vị chủ trì:", { indent: true, keepNext: true }), unitsTable(data));
  }

  out.push(section("II. KẾT QUẢ THỰC HIỆN TỪNG VĂN BẢN"));
  if (data.directives.length === 0)
    out.push(para("Không có nhiệm vụ nào trong phạm vi báo cáo.", { indent: true }));
  data.directives.forEach((d, k) => {
    out.push(para({ text: `${k + 1}. ${directiveTitle(d)}`, bold: true }, { indent: true, keepNext: true }));
    out.push(para(countSentence(d.counts), { indent: true, keepNext: true }));
    out.push(tasksTable(d), para("", { after: 0 }));
  });

  out.push(section("III. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH"));
  if (data.overdueAtCutoff.length === 0)
    out.push(para(`Tại ngày chốt số liệu (${cutoff}), không có nhiệm vụ quá hạn.`, { indent: true }));
  else {
    out.push(
      para(
        `Tại ngày chốt số liệu (${cutoff}), còn ${data.overdueAtCutoff.length} nhiệm vụ quá hạn chưa hoàn thành:`,
        { indent: true, keepNext: true },
      ),
      overdueTable(data.overdueAtCutoff),
      para("", { after: 0 }),
    );
  }

  out.push(section("IV. ĐỀ XUẤT, KIẾN NGHỊ"));
  out.push(
    para(
      { text: "(Đơn vị soạn thảo bổ sung nguyên nhân, giải pháp và các đề xuất, kiến nghị.)", italics: true },
      { indent: true },
    ),
  );
  // Lines for the drafter: an ellipsis is one em, so 32 fill the 165 mm line at 14 pt.
  for (let i = 0; i < 3; i++) out.push(para("…".repeat(32), { align: AlignmentType.LEFT }));
  out.push(
    para(`Trên đây là báo cáo kết quả thực hiện nhiệm vụ ${period.phrase} của ${h.issuer}./.`, {
      indent: true,
    }),
  );
  return out;
}

/** Ô 9b: "Nơi nhận:" and one "- …;" a line, the filing line last with a full stop. */
export function recipientLines(h: ReportHeading): string[] {
  const items = h.recipients.map((r) => r.trim().replace(/[;.,]+$/u, "")).filter((r) => r !== "");
  const filing = (h.filing ?? (h.system === "party" ? "Lưu Văn phòng" : "Lưu: VT"))
    .trim()
    .replace(/[;.]+$/u, "");
  return [...items.map((r) => `- ${r};`), `- ${filing}.`];
}

/** Ô 7a–7c and 9b: the signature block right, the recipients left. */
function closing(h: ReportHeading): Table {
  const left = [
    para(
      { text: "Nơi nhận:", bold: true, italics: true, size: PT.recipientsTitle },
      { align: AlignmentType.LEFT, after: 0 },
    ),
    ...recipientLines(h).map((l) =>
      para({ text: l, size: PT.recipients }, { align: AlignmentType.LEFT, after: 0 }),
    ),
  ];
  const right: Paragraph[] = [];
  if (h.signerAuthority.trim()) right.push(centred(upper(h.signerAuthority.trim()), { bold: true }));
  if (h.signerPosition.trim()) right.push(centred(upper(h.signerPosition.trim()), { bold: true }));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i++) right.push(centred(""));
  right.push(centred(h.signerName.trim(), { bold: true }));
  return layoutTable([80, A4_MM.width - MARGIN_MM.left - MARGIN_MM.right - 80], left, right);
}

/**
 * The report as DOCX bytes. `date` is the signing date (ISO), or "" to leave "ngày … tháng … năm …"
 * for the signer.
 *
 * @example
 * const bytes = await reportDocx(await reportData(db, viewer, { period }), heading, "2026-09-20");
 */
export async function reportDocx(data: ReportData, heading: ReportHeading, date: string): Promise<Buffer> {
  const doc = new Document({
    creator: heading.issuer,
    title: `Báo cáo ${reportSubject(data).replace(/^Kết quả/u, "kết quả")}`,
    styles: { default: { document: { run: { font: FONT, size: half(PT.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(A4_MM.width), height: twip(A4_MM.height) },
            margin: {
              top: twip(MARGIN_MM.top),
              bottom: twip(MARGIN_MM.bottom),
              left: twip(MARGIN_MM.left),
              right: twip(MARGIN_MM.right),
              header: twip(10),
              footer: twip(10),
            },
          },
        },
        headers: {
          // NĐ 30/2020: pages numbered from the second, at the top centre.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(PT.header) }),
                ],
              }),
            ],
          }),
        },
        children: [
          header(heading, date),
          centred("", { after: 240 }),
          centred("BÁO CÁO", { bold: true }),
          centred(reportSubject(data), { bold: true }),
          rule(40, A4_MM.width - MARGIN_MM.left - MARGIN_MM.right),
          ...body(data, heading),
          centred(""),
          closing(heading),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
