/**
 * The import's one writer: parsed files wait in a queue and are stored several to a transaction
 * (group commit). While the store is busy the queue fills, so the next transaction takes more
 * files; while parsing is the slower side each file goes alone, without waiting. A file is whole or
 * absent after a crash, and a file is reported only once its transaction has committed, so a
 * killed import resumes exactly where its reports stop.
 */
import type { Db, Sql } from "../store/db.js";

interface Job<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Stores items through `store`, up to `batch` of them in one transaction. */
export class BatchWriter<T, R> {
  private readonly queue: Job<T, R>[] = [];
  private running: Promise<void> | null = null;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly store: (tx: Sql, item: T) => Promise<R>,
    private readonly batch: number,
  ) {}

  /** Queues an item; resolves with what storing it returned, once committed. */
  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= this.drain().finally(() => {
        this.running = null;
      });
    });
  }

  /** Resolves when the queue has room (fewer than two transactions' worth): parsing ahead stays bounded. */
  room(): Promise<void> {
    if (this.queue.length < 2 * this.batch) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const jobs = this.queue.splice(0, this.batch);
      for (const wake of this.waiting.splice(0)) wake();
      let results: R[] | null = null;
      try {
        results = await this.db.transaction(async (tx) => {
          const out: R[] = [];
          for (const job of jobs) out.push(await this.store(tx, job.item));
          return out;
        });
      } catch {
        // One bad file must not take its batch with it: each is tried again on its own.
      }
      if (results) {
        for (const [i, job] of jobs.entries()) job.resolve(results[i]!);
        continue;
      }
      for (const job of jobs) {
        try {
          job.resolve(await this.db.transaction((tx) => this.store(tx, job.item)));
        } catch (error) {
          job.reject(error);
        }
      }
    }
  }
}
