/** A parser thread: receives `{ id, bytes, name }`, answers `{ id, reading }`. */
import { parentPort } from "node:worker_threads";
import { parseBytes } from "./read.js";

parentPort?.on("message", async (task: { id: number; bytes: Uint8Array; name: string }) => {
  const reading = await parseBytes(task.bytes, task.name);
  parentPort?.postMessage({ id: task.id, reading });
});
