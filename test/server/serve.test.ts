/**
 * The server on a real socket: `chidao serve` on an ephemeral port answers /health over HTTP and
 * stops when told; `chidao start` stores the samples once and shows the admin password once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveCommand, startCommand } from "../../src/cli/serve.js";
import { loadConfig } from "../../src/config.js";

/** A stream that keeps what is written. */
function sink(): NodeJS.WritableStream & { text(): string } {
  const chunks: string[] = [];
  return {
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
      return true;
    },
    text: () => chunks.join(""),
  } as unknown as NodeJS.WritableStream & { text(): string };
}

/** Runs a command until `use(url)` is done, then stops it; returns the exit code and output. */
async function running(
  command: typeof serveCommand,
  args: string[],
  use: (url: string) => Promise<void>,
): Promise<{ code: number; out: string; err: string }> {
  const stop = new AbortController();
  const out = sink();
  const err = sink();
  let failure: unknown;
  const code = await command(args, {
    out,
    err,
    signal: stop.signal,
    onListening: (url) => {
      use(url)
        .catch((e) => {
          failure = e;
        })
        .finally(() => stop.abort());
    },
  });
  if (failure) throw failure;
  return { code, out: out.text(), err: err.text() };
}

describe("chidao serve / start", () => {
  const dirs: string[] = [];
  const fresh = async () => {
    const dir = await mkdtemp(join(tmpdir(), "chidao-serve-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("serves /health over HTTP on an ephemeral port, the API behind the login, and stops", async () => {
    const data = await fresh();
    let port = 0;
    const ran = await running(
      serveCommand,
      ["--port", "0", "--host", "127.0.0.1", "--data", data],
      async (url) => {
        port = Number(new URL(url).port);
        const health = await fetch(`${url}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ ok: true, backend: "pglite" });
        expect((await fetch(`${url}/api/me`)).status).toBe(401);
      },
    );
    expect(ran.code).toBe(0);
    expect(port).toBeGreaterThan(0);
    expect(ran.out).toContain(`http://127.0.0.1:${port}`);
    expect(ran.out).toMatch(/login: +admin\n +password: +\S{16}\n/);
    // Stopped: the port no longer answers.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it("start stores the samples once, shows the password only the first time, and a login works", async () => {
    const data = await fresh();
    let password = "";
    const first = await running(startCommand, ["--port", "0", "--data", data], async (url) => {
      expect((await fetch(`${url}/health`)).status).toBe(200);
    });
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Sample documents: 2 file\(s\) stored/);
    password = /password: +(\S+)/.exec(first.out)?.[1] ?? "";
    expect(password).toHaveLength(16);

    const second = await running(startCommand, ["--port", "0", "--data", data], async (url) => {
      const login = await fetch(`${url}/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "admin", password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
      const list = await fetch(`${url}/api/documents`, { headers: { cookie } });
      const body = (await list.json()) as { total: number; hits: Array<{ symbol: string }> };
      expect(body.hits.map((h) => h.symbol)).toEqual(expect.arrayContaining(["677-CV/TU"]));
    });
    expect(second.out).toContain("Sample documents: already stored");
    expect(second.out).not.toContain("password:");
    expect(second.out).toContain("chidao user password admin");
  });

  it("refuses bad arguments with the usage (exit 2)", async () => {
    const err = sink();
    expect(await serveCommand(["--port", "http"], { err, out: sink() })).toBe(2);
    expect(err.text()).toContain("Usage:");
    expect(await serveCommand(["extra"], { err: sink(), out: sink() })).toBe(2);
  });

  it("takes the port, host and upload limit from the environment", () => {
    expect(loadConfig({}).server).toEqual({
      port: 3000,
      host: "127.0.0.1",
      maxUploadBytes: 20 * 1024 * 1024,
    });
    expect(
      loadConfig({ CHIDAO_PORT: "8080", CHIDAO_HOST: "0.0.0.0", CHIDAO_MAX_UPLOAD_MB: "5" }).server,
    ).toEqual({
      port: 8080,
      host: "0.0.0.0",
      maxUploadBytes: 5 * 1024 * 1024,
    });
    expect(() => loadConfig({ CHIDAO_PORT: "70000" })).toThrow(/CHIDAO_PORT/);
  });
});
