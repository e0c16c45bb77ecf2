/**
 * Failed logins counted per login and per client address in a sliding window; past the limit the
 * login answers 429 until the oldest failure leaves the window. In memory, per process: a restart
 * forgets, and several processes behind one balancer each count their own (enough for one office
 * server; a shared store would be needed to scale out).
 */
import type { Context } from "hono";
import type { AppEnv } from "./context.js";

/** The limit: `max` failures per key within `windowMs`. */
export interface LimitOptions {
  max: number;
  windowMs: number;
}

/** The default: 5 failures per 15 minutes. */
export const defaultLoginLimit: LimitOptions = { max: 5, windowMs: 15 * 60_000 };

// Keys kept at most; the stalest is dropped first, so a flood of logins cannot exhaust memory.
const MAX_KEYS = 50_000;

/** Failure times per key (a login or an address). */
export class FailureLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly options: LimitOptions = defaultLoginLimit,
    private readonly now: () => number = Date.now,
  ) {}

  #recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const times = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Seconds until any of `keys` may try again, or 0 when none is over the limit. */
  retryAfter(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.#recent(key);
      if (times.length < this.options.max) continue;
      const free = times[times.length - this.options.max]! + this.options.windowMs;
      wait = Math.max(wait, Math.ceil((free - this.now()) / 1000));
    }
    return wait;
  }

  /** Counts a failure against every key. */
  fail(keys: readonly string[]): void {
    for (const key of keys) {
      const times = this.#recent(key);
      times.push(this.now());
      this.#failures.delete(key); // re-inserted last: the map's order is staleness
      this.#failures.set(key, times);
    }
    while (this.#failures.size > MAX_KEYS) {
      const stalest = this.#failures.keys().next().value;
      if (stalest === undefined) break;
      this.#failures.delete(stalest);
    }
  }

  /** Forgets a key's failures (a successful login clears its login, not its address). */
  clear(key: string): void {
    this.#failures.delete(key);
  }
}

/**
 * The client's address: the socket's peer, or, behind a trusted reverse proxy, the first address of
 * `X-Forwarded-For`. In-process requests (tests) have no socket and count as "local".
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}
