/** The app on a real socket (Node's HTTP server through @hono/node-server), and its clean stop. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import type { AppEnv } from "./context.js";

/** A listening server. */
export interface RunningServer {
  /** The address to open, e.g. "http://127.0.0.1:3000". */
  url: string;
  port: number;
  /** Stops accepting, ends open keep-alive connections, and resolves once closed. */
  close(): Promise<void>;
}

/** Starts serving `app` on `host:port` (port 0: any free port); rejects when it cannot listen. */
export function startServer(
  app: Hono<AppEnv>,
  options: { port: number; host: string },
): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // Slow clients may not hold a connection open forever with a half-sent request.
  server.requestTimeout = 5 * 60_000;
  server.headersTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      const shown = host === "0.0.0.0" || host === "[::]" ? "localhost" : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
            // A request still running after a few seconds is cut rather than holding the stop.
            setTimeout(() => server.closeAllConnections(), 5000).unref();
          }),
      });
    });
  });
}
