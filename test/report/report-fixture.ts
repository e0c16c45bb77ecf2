/**
 * A report's data as the store gives it, written out by hand for the builders' tests: two
 * directives (a State plan and a Party one), one-off and recurring tasks, items in every status,
 * two lead units. The counts are what the items say, so a test can check them against the file.
 */
import { countItems } from "../../src/report/counts.js";
import { reportPeriod } from "../../src/report/period.js";
import type {
  ReportData,
  ReportDirective,
  ReportHeading,
  ReportItem,
  ReportRow,
  ReportUnit,
} from "../../src/report/types.js";

let nextId = 100;

function item(taskId: number, over: Partial<ReportItem>): ReportItem {
  const status = over.status ?? "new";
  return {
    id: nextId++,
    taskId,
    body: over.orgKey ?? "name:đơn vị",
    orgKey: null,
    unitLabel: "đơn vị",
    period: "",
    due: null,
    status,
    statusNow: status,
    doneOn: null,
    onTime: null,
    daysOverdue: 0,
    evidenceCount: 0,
    ...over,
  };
}

const canGio = {
  orgKey: "state/ubnd@huyen-can-gio.ho-chi-minh",
  body: "state/ubnd@huyen-can-gio.ho-chi-minh",
  unitLabel: "Ủy ban nhân dân huyện Cần Giờ",
};
const phongVh = {
  orgKey: null,
  body: "name:Phòng Văn hóa và Thông tin",
  unitLabel: "Phòng Văn hóa và Thông tin",
};

/** The data of a quarter III 2026 report. */
export function sampleReport(): ReportData {
  const period = reportPeriod("quarterly", 2026, 3);
  const d1: ReportDirective = {
    documentId: 1,
    symbol: "603/KH-UBND",
    type: "Kế hoạch",
    date: "2026-02-23",
    issuer: "Ủy ban nhân dân huyện Cần Giờ",
    subject: "triển khai thực hiện Thông tri số 14-TT/TU",
    counts: countItems([]),
    tasks: [
      {
        id: 11,
        clause: "1",
        action: "Tổ chức quán triệt, phổ biến nội dung Thông tri đến cán bộ, công chức",
        deliverable: null,
        deadline: "2026-07-31",
        deadlineText: "trước ngày 31/7/2026",
        recurrence: null,
        coordinators: ["Phòng Nội vụ"],
        items: [
          item(11, {
            ...canGio,
            due: "2026-07-31",
            status: "done",
            doneOn: "2026-07-20",
            onTime: true,
            evidenceCount: 2,
          }),
        ],
      },
      {
        id: 12,
        clause: "2",
        action: "Báo cáo kết quả thực hiện về Ban Thường vụ Thành ủy",
        deliverable: "báo cáo",
        deadline: null,
        deadlineText: "định kỳ hằng quý",
        recurrence: "quarterly",
        coordinators: [],
        items: [
          item(12, { ...canGio, period: "2026-Q3", due: "2026-09-14", status: "in_progress" }),
          item(12, {
            ...phongVh,
            period: "2026-Q2",
            due: "2026-06-14",
            status: "overdue",
            daysOverdue: 92,
            statusNow: "done",
          }),
        ],
      },
    ],
  };
  const d2: ReportDirective = {
    documentId: 2,
    symbol: "108-KH/TU",
    type: "Kế hoạch",
    date: "2026-01-05",
    issuer: "Thành ủy Cần Thơ",
    subject: "Về thực hiện Chỉ thị 12-CT/TW",
    counts: countItems([]),
    tasks: [
      {
        id: 21,
        clause: "3.a",
        action: "Xây dựng chương trình hành động",
        deliverable: "chương trình",
        deadline: "2026-08-15",
        deadlineText: null,
        recurrence: null,
        coordinators: [],
        items: [
          item(21, { ...phongVh, due: "2026-08-15", status: "done", doneOn: "2026-08-20", onTime: false }),
          item(21, { ...canGio, due: "2026-10-30", status: "new" }),
          item(21, { ...canGio, body: `${canGio.body}#2`, due: null, status: "cancelled" }),
        ],
      },
    ],
  };
  const directives = [d1, d2];
  const rows: ReportRow[] = [];
  for (const d of directives) {
    const items = d.tasks.flatMap((t) => t.items);
    d.counts = countItems(items);
    for (const t of d.tasks)
      for (const i of t.items)
        rows.push({
          directiveId: d.documentId,
          symbol: d.symbol,
          taskId: t.id,
          clause: t.clause,
          action: t.action,
          item: i,
        });
  }
  const byUnit = new Map<string, ReportItem[]>();
  for (const r of rows) byUnit.set(r.item.unitLabel, [...(byUnit.get(r.item.unitLabel) ?? []), r.item]);
  const units: ReportUnit[] = [...byUnit].map(([label, items]) => ({
    body: items[0]!.body,
    orgKey: items[0]!.orgKey,
    label,
    counts: countItems(items),
  }));
  const within = (day: string | null) => day !== null && day >= period.from && day <= period.to;
  return {
    period,
    scope: { directiveIds: [1, 2], orgKeys: [] },
    directives,
    units,
    totals: countItems(rows.map((r) => r.item)),
    rows,
    dueInPeriod: rows.filter((r) => within(r.item.due)),
    doneInPeriod: rows.filter((r) => r.item.status === "done" && within(r.item.doneOn)),
    overdueAtCutoff: rows.filter((r) => r.item.status === "overdue"),
  };
}

/** A State heading (UBND huyện) and a Party one (Thành ủy). */
export const stateHeading: ReportHeading = {
  issuer: "Ủy ban nhân dân huyện Cần Giờ",
  system: "state",
  place: "Cần Giờ",
  symbolCode: "BC-UBND",
  signerAuthority: "TM. Ủy ban nhân dân",
  signerPosition: "Chủ tịch",
  signerName: "Nguyễn Văn A",
  recipients: ["Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo);", "Thường trực Huyện ủy"],
};

export const partyHeading: ReportHeading = {
  issuer: "Ban Dân vận",
  parentIssuer: "Thành ủy Cần Thơ",
  system: "party",
  place: "Cần Thơ",
  symbolCode: "BC/BDVTU",
  signerAuthority: "",
  signerPosition: "Trưởng ban",
  signerName: "Trần Thị B",
  recipients: ["Thường trực Thành ủy (để báo cáo)"],
  filing: "Lưu Văn phòng Ban",
};
