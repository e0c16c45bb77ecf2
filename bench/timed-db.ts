/**
 * A store whose every statement is timed by its first words (the statement's kind and table), and
 * each transaction's BEGIN/COMMIT apart: where a benchmark's store time goes.
 */
import type { Db, Sql } from "../src/store/db.js";

export type StatementTimes = Map<string, { ms: number; calls: number }>;

/** The store with every statement timed by its first words (the statement's kind and table). */
export function timed(db: Db, into: StatementTimes): Db {
  const wrap = (sql: Sql): Sql => ({
    async query(text, params) {
      const t = performance.now();
      try {
        return await sql.query(text, params);
      } finally {
        const key = text.trim().replace(/\s+/g, " ").split(" ").slice(0, 3).join(" ");
        const entry = into.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - t;
        entry.calls++;
        into.set(key, entry);
      }
    },
    exec: (text) => sql.exec(text),
  });
  return {
    backend: db.backend,
    ...wrap(db),
    transaction: async (fn) => {
      const t = performance.now();
      let inside = 0;
      try {
        return await db.transaction(async (tx) => {
          const t1 = performance.now();
          try {
            return await fn(wrap(tx));
          } finally {
            inside = performance.now() - t1;
          }
        });
      } finally {
        const entry = into.get("BEGIN/COMMIT") ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - t - inside;
        entry.calls++;
        into.set("BEGIN/COMMIT", entry);
      }
    },
    close: () => db.close(),
  };
}
