/** `chidao tasks FILE... [--json]`: JSON lines and the readable list, through `main()`. */
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
