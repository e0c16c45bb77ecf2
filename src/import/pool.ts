/** Parsing on worker threads: a fixed set of parser threads, each given one file at a time. */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Reading } from "../store/ingest.js";
import { parseBytes } from "./read.js";

interface Task {
  id: number;
  bytes: Uint8Array;
  name: string;
  resolve: (r: Reading) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

const workerUrl = new URL(
  `./parse-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
);

/**
 * A parser thread. Run from source (tsx), a thread inherits no loader, so it registers tsx itself
 * before loading the .ts worker; from dist/ it loads the compiled .js.
 */
function startWorker(): Worker {
  if (!workerUrl.pathname.endsWith(".ts")) return new Worker(workerUrl);
  // Vitest's module runner has no import.meta.resolve; require.resolve finds the package's CommonJS
  // twin, whose register() cannot load its own ESM half, so the ESM file beside it is used.
  const resolved =
    import.meta.resolve?.("tsx/esm/api") ??
    pathToFileURL(
      createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs"),
    ).href;
  const api = JSON.stringify(resolved);
  const boot = `import(${api}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** A pool of `size` parser threads; size 0 parses on the calling thread. */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(), task: null };
    slot.worker.on("message", (msg: { id: number; reading: Reading }) => {
      const task = slot.task;
      slot.task = null;
      if (task && task.id === msg.id) task.resolve(msg.reading);
      this.dispatch();
    });
    // A thread that dies (out of memory on a huge file) fails its file, not the import.
    slot.worker.on("error", (error) => this.replace(slot, error.message));
    slot.worker.on("exit", (code) => {
      if (slot.task) this.replace(slot, `parser thread exited with code ${code}`);
    });
    return slot;
  }

  private replace(slot: Slot, reason: string): void {
    const task = slot.task;
    slot.task = null;
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    task?.resolve({ ok: false, code: "parser_crashed", message: reason });
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, bytes: task.bytes, name: task.name });
    }
  }

  /** Reads one file's bytes into records. */
  read(bytes: Uint8Array, name: string): Promise<Reading> {
    if (this.size === 0) return parseBytes(bytes, name);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, name, resolve });
      this.dispatch();
    });
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
