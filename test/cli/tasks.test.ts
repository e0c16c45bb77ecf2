/** `chidao tasks FILE... [--json]`: JSON lines and the readable list, through `main()`. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runMain as run } from "./io.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const seed = join(root, "samples", "can-gio-1237-UBND.txt");

afterEach(() => vi.restoreAllMocks());

describe("chidao tasks", () => {
  it("prints one JSON line per file with its tasks", async () => {
    const r = await run(["tasks", seed, "--json"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as {
      file: string;
      tasks: { doc: string; assignees: unknown[] }[];
    };
    expect(line.file).toBe(seed);
    expect(line.tasks.some((t) => t.doc === "can-gio-1237-UBND")).toBe(true);
    expect(line.tasks.some((t) => t.doc === "can-gio-1237-UBND#1")).toBe(true);
    for (const t of line.tasks) expect(t.assignees.length).toBeGreaterThan(0);
  });

  it("prints every field of a task: assignees with roles, action, deliverable, timing, reports-to, clause, span", async () => {
    // A letter of the shape the corpus' Công văn have; its item is a real phrasing (a029, b213).
    const letter = [
      "ỦY BAN NHÂN DÂN",
      "THÀNH PHỐ CẦN THƠ",
      "Số: 123/UBND-KT",
      "V/v triển khai cấp nước mùa khô",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Cần Thơ, ngày 10 tháng 11 năm 2025",
      "",
      "Kính gửi:",
      "- Sở Xây dựng;",
      "- Ủy ban nhân dân xã, phường.",
      "",
      "Ủy ban nhân dân thành phố có ý kiến như sau:",
      "1. Sở Xây dựng chủ trì, phối hợp với UBND xã, phường rà soát các công trình cấp nước, hoàn thành trước ngày 15/12/2025; định kỳ hằng quý báo cáo kết quả về Ủy ban nhân dân thành phố (qua Sở Nông nghiệp và Môi trường).",
      "",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT.",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn A",
      "",
    ].join("\n");
    const dir = await mkdtemp(join(tmpdir(), "chidao-tasks-"));
    try {
      const file = join(dir, "cv.txt");
      await writeFile(file, letter);
      const r = await run(["tasks", file, "--json"]);
      expect(r.code).toBe(0);
      const [task, ...rest] = (JSON.parse(r.stdout.trim()) as { tasks: Record<string, unknown>[] }).tasks;
      expect(rest).toHaveLength(0);
      expect(Object.keys(task ?? {}).sort()).toEqual(
        [
          "action",
          "assignees",
          "clause",
          "deadline",
          "deadline_text",
          "deliverable",
          "doc",
          "recurrence",
          "reports_to",
          "span",
        ].sort(),
      );
      expect(task).toMatchObject({
        clause: "1",
        assignees: [
          { unit: "Sở Xây dựng", role: "lead" },
          { unit: "Ủy ban nhân dân xã, phường", role: "coordinate" },
        ],
        deliverable: "báo cáo",
        deadline: "2025-12-15",
        deadline_text: "trước ngày 15/12/2025",
        recurrence: "quarterly",
        reports_to: "Ủy ban nhân dân thành phố (qua Sở Nông nghiệp và Môi trường)",
      });
      expect(String(task?.action)).toMatch(/^chủ trì, phối hợp với .* rà soát các công trình cấp nước/);
      // The span points at the item's words in the text read (here the file's own characters).
      const [a, b] = (task?.span ?? [0, 0]) as [number, number];
      expect(letter.slice(a, b)).toMatch(/^Sở Xây dựng chủ trì.*Môi trường\)\.$/);

      const readable = await run(["tasks", file]);
      expect(readable.stdout).toContain("deadline   2025-12-15 (trước ngày 15/12/2025)");
      expect(readable.stdout).toContain("recurrence quarterly");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("prints a readable list with roles and reports-to", async () => {
    const r = await run(["tasks", seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/lead\s+Ban Dân vận Thành ủy/);
    expect(r.stdout).toMatch(/coordinate\s+các cơ quan, đơn vị/);
    expect(r.stdout).toContain("reports to Ban Thường vụ Thành ủy");
  });

  it("reports a missing file and a missing argument", async () => {
    const missing = await run(["tasks", join(root, "no-such-file.txt"), "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout.trim()).error).toBeTruthy();
    const none = await run(["tasks"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("give one or more files");
  });
});
