/**
 * The reminder schedule, pure: the 7/3/1-day marks and overdue on calendar days (across month and
 * year ends, a leap day), nothing for closed items or items without a deadline, the catch-up after a
 * gap (no stale reminder), who gets what, and the Vietnamese messages — one reminder's own, and a
 * digest of several (counts, items grouped overdue first).
 */
import { describe, expect, it } from "vitest";
import {
  daysUntil,
  deadlinesMarkedOn,
  digestGroups,
  digestItem,
  digestLine,
  digestMessage,
  type ReminderCandidate,
  type ReminderKind,
  reminderMessage,
  reminderOn,
  reminderRecipients,
} from "./reminders.js";

/** ISO day `n` days after `iso` (a test's own arithmetic, through Date). */
function plus(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What a scheduler ticking on each of `days` sends for an item (the day and the kind). */
function sent(due: string, days: string[], open = true): Array<[string, ReminderKind]> {
  return days.flatMap((day) => {
    const kind = reminderOn({ due, open }, day);
    return kind ? [[day, kind] as [string, ReminderKind]] : [];
  });
}

function range(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => plus(from, i));
}

describe("reminderOn", () => {
  it("comes exactly 7, 3 and 1 calendar days before the deadline, then daily once overdue", () => {
    const due = "2023-12-15";
    expect(sent(due, range("2023-12-01", 20))).toEqual([
      ["2023-12-08", "due-7"],
      ["2023-12-12", "due-3"],
      ["2023-12-14", "due-1"],
      ["2023-12-16", "overdue"],
      ["2023-12-17", "overdue"],
      ["2023-12-18", "overdue"],
      ["2023-12-19", "overdue"],
      ["2023-12-20", "overdue"],
    ]);
  });

  it("says nothing on the deadline itself or between the marks", () => {
    for (const day of ["2023-12-15", "2023-12-13", "2023-12-11", "2023-12-09", "2023-12-07"])
      expect(reminderOn({ due: "2023-12-15", open: true }, day), day).toBeNull();
  });

  it.each([
    ["a year end", "2024-01-02", "2023-12-26", "2023-12-30", "2024-01-01", "2024-01-03"],
    ["a month end", "2023-03-02", "2023-02-23", "2023-02-27", "2023-03-01", "2023-03-03"],
    ["a leap day", "2024-03-02", "2024-02-24", "2024-02-28", "2024-03-01", "2024-03-03"],
    ["a 31-day month", "2023-08-03", "2023-07-27", "2023-07-31", "2023-08-02", "2023-08-04"],
  ])("counts calendar days across %s", (_what, due, d7, d3, d1, over) => {
    const item = { due, open: true };
    expect(reminderOn(item, d7)).toBe("due-7");
    expect(reminderOn(item, d3)).toBe("due-3");
    expect(reminderOn(item, d1)).toBe("due-1");
    expect(reminderOn(item, due)).toBeNull();
    expect(reminderOn(item, over)).toBe("overdue");
  });

  it("sends nothing for a closed item or one without a deadline", () => {
    expect(sent("2023-12-15", range("2023-12-01", 30), false)).toEqual([]);
    expect(reminderOn({ due: null, open: true }, "2023-12-12")).toBeNull();
    expect(reminderOn({ due: "15/12/2023", open: true }, "2023-12-12")).toBeNull();
  });

  it("after a gap sends the reminder of the day it comes back, never a stale one", () => {
    const due = "2023-12-15";
    // Down from the 10th day before to the 5th: the 7-day mark passed unseen; nothing until the 3-day mark.
    const days = [...range("2023-12-01", 5), ...range("2023-12-10", 10)];
    expect(days).not.toContain("2023-12-08");
    expect(sent(due, days)).toEqual([
      ["2023-12-12", "due-3"],
      ["2023-12-14", "due-1"],
      ["2023-12-16", "overdue"],
      ["2023-12-17", "overdue"],
      ["2023-12-18", "overdue"],
      ["2023-12-19", "overdue"],
    ]);
    // Down over every mark and the deadline: back two days late, the most urgent — overdue — only once.
    const late = ["2023-12-07", "2023-12-17"];
    expect(sent(due, late)).toEqual([["2023-12-17", "overdue"]]);
  });
});

describe("daysUntil and deadlinesMarkedOn", () => {
  it("counts whole calendar days, negative after the deadline", () => {
    expect(daysUntil("2024-01-01", "2023-12-31")).toBe(1);
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
    expect(daysUntil("2023-03-01", "2023-02-28")).toBe(1);
    expect(daysUntil("2023-12-15", "2023-12-20")).toBe(-5);
    expect(() => daysUntil("2023-02-30", "2023-02-01")).toThrow("not an ISO date");
  });

  it("gives the deadlines that have a mark on a day", () => {
    expect(deadlinesMarkedOn("2023-12-28")).toEqual(["2024-01-04", "2023-12-31", "2023-12-29"]);
    for (const due of deadlinesMarkedOn("2023-12-28"))
      expect(reminderOn({ due, open: true }, "2023-12-28")).toMatch(/^due-/);
  });
});

describe("reminderRecipients", () => {
  const person = (userId: number, role: string, handler: boolean, ofBody: boolean): ReminderCandidate => ({
    userId,
    role,
    handler,
    ofBody,
  });
  const body = [
    person(1, "clerk", false, true),
    person(2, "officer", false, true),
    person(3, "leader", false, true),
    person(4, "admin", false, true),
  ];

  it("tells the body's clerks, officers and leaders when nobody handles the item", () => {
    expect(reminderRecipients("due-3", body)).toEqual([1, 2, 3]);
    expect(reminderRecipients("overdue", body)).toEqual([1, 2, 3]);
  });

  it("tells the handler alone before the deadline, and the body's leaders too once overdue", () => {
    const withHandler = [...body.map((p) => (p.userId === 2 ? { ...p, handler: true } : p))];
    expect(reminderRecipients("due-7", withHandler)).toEqual([2]);
    expect(reminderRecipients("due-1", withHandler)).toEqual([2]);
    expect(reminderRecipients("overdue", withHandler)).toEqual([2, 3]);
    // A handler from outside the body (another unit) still gets it.
    const outsider = [...body, person(9, "officer", true, false)];
    expect(reminderRecipients("due-3", outsider)).toEqual([9]);
  });
});

describe("reminderMessage", () => {
  const subject = {
    action: "Xây dựng kế hoạch thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư",
    unitLabel: "Ủy ban nhân dân huyện Cần Giờ",
    due: "2023-12-15",
    symbol: "603/UBND-TH",
    period: "",
  };

  it("says how many days are left, with the deadline as offices write it", () => {
    const m = reminderMessage("due-3", subject, "2023-12-12");
    expect(m.title).toBe(
      "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư” còn 3 ngày đến hạn (15/12/2023)",
    );
    expect(m.body).toContain("Đơn vị chủ trì: Ủy ban nhân dân huyện Cần Giờ");
    expect(m.body).toContain("Văn bản giao nhiệm vụ: 603/UBND-TH");
    expect(m.body).toContain("Thời hạn: 15/12/2023");
    expect(reminderMessage("due-7", subject, "2023-12-08").title).toContain(
      "còn 7 ngày đến hạn (15/12/2023)",
    );
  });

  it("says how many days it is overdue", () => {
    const m = reminderMessage("overdue", { ...subject, period: "2023-Q4" }, "2023-12-20");
    expect(m.title).toBe(
      "Nhiệm vụ “Xây dựng kế hoạch thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư” đã quá hạn 5 ngày (hạn 15/12/2023)",
    );
    expect(m.body).toContain("Kỳ: 2023-Q4");
    expect(m.body).toContain("đã quá hạn 5 ngày");
  });

  it("cuts a long action in the title at a word, keeping it whole in the body", () => {
    const action = `${"Tổ chức quán triệt, triển khai thực hiện nghiêm túc ".repeat(4)}Chỉ thị`;
    const m = reminderMessage("due-1", { ...subject, action }, "2023-12-14");
    const quoted = /“(.*)”/.exec(m.title)![1]!;
    expect(quoted.endsWith("…")).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(91);
    expect(action.startsWith(quoted.slice(0, -1))).toBe(true);
    expect(m.body).toContain(action);
  });
});

describe("digestMessage", () => {
  const on = "2023-12-12";
  const item = (
    itemId: number,
    due: string,
    action = `Nhiệm vụ số ${itemId}`,
    symbol: string | null = "603/UBND-TH",
  ) =>
    digestItem(
      itemId,
      reminderOn({ due, open: true }, on)!,
      { action, unitLabel: "UBND xã", due, symbol, period: "" },
      on,
    );

  it("keeps one reminder's own words", () => {
    const one = item(1, "2023-12-15", "Xây dựng kế hoạch");
    expect(one).toMatchObject({ kind: "due-3", daysLeft: 3 });
    expect(digestMessage([one], on)).toEqual(reminderMessage("due-3", one, on));
    expect(() => digestMessage([], on)).toThrow("at least one item");
  });

  it("counts several, and lists them overdue first (longest first), then due in 1, 3 and 7 days", () => {
    const items = [
      item(1, "2023-12-19"),
      item(2, "2023-12-15"),
      item(3, "2023-12-10"),
      item(4, "2023-12-13", "Báo cáo <sơ kết>", null),
      item(5, "2023-12-01"),
      item(6, "2023-12-15"),
    ];
    expect(digestGroups(items).map((g) => [g.heading, g.items.map((i) => i.itemId)])).toEqual([
      ["Quá hạn", [5, 3]],
      ["Còn 1 ngày đến hạn", [4]],
      ["Còn 3 ngày đến hạn", [2, 6]],
      ["Còn 7 ngày đến hạn", [1]],
    ]);
    const m = digestMessage(items, on);
    expect(m.title).toBe("Nhắc việc: 4 nhiệm vụ sắp đến hạn, 2 nhiệm vụ quá hạn");
    expect(m.body.split("\n").slice(0, 6)).toEqual([
      "Ngày 12/12/2023: 4 nhiệm vụ sắp đến hạn, 2 nhiệm vụ quá hạn.",
      "",
      "Quá hạn (2):",
      "- “Nhiệm vụ số 5” (603/UBND-TH), hạn 01/12/2023, quá hạn 11 ngày",
      "- “Nhiệm vụ số 3” (603/UBND-TH), hạn 10/12/2023, quá hạn 2 ngày",
      "",
    ]);
    expect(m.body).toContain("Còn 1 ngày đến hạn (1):\n- “Báo cáo <sơ kết>”, hạn 13/12/2023, còn 1 ngày");
    expect(m.body).toContain(
      "Còn 7 ngày đến hạn (1):\n- “Nhiệm vụ số 1” (603/UBND-TH), hạn 19/12/2023, còn 7 ngày",
    );
    expect(digestMessage([items[0]!, items[1]!], on).title).toBe("Nhắc việc: 2 nhiệm vụ sắp đến hạn");
    expect(digestMessage([items[2]!, items[4]!], on).title).toBe("Nhắc việc: 2 nhiệm vụ quá hạn");
  });

  it("cuts a long action in an item's line", () => {
    const action = `${"Tổ chức quán triệt, triển khai thực hiện nghiêm túc ".repeat(4)}Chỉ thị`;
    const line = digestLine(item(9, "2023-12-11", action));
    expect(line).toMatch(/^“[^”]{40,91}…” \(603\/UBND-TH\), hạn 11\/12\/2023, quá hạn 1 ngày$/);
  });
});
