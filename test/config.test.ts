/** src/config.ts: the environment in, validated settings out; a bad variable is named in the error. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  const stores: Array<[Record<string, string>, unknown, string]> = [
    [
      {},
      { backend: "pglite", dataDir: "./chidao-data" },
      "default: embedded, not ./data (the domain tables)",
    ],
    [{ CHIDAO_DATA: "/srv/chidao" }, { backend: "pglite", dataDir: "/srv/chidao" }, "CHIDAO_DATA moves it"],
    [{ CHIDAO_DATA: "  " }, { backend: "pglite", dataDir: "./chidao-data" }, "blank is unset"],
    [
      { DATABASE_URL: "postgres://u@db:5432/chidao", CHIDAO_DATA: "/x" },
      { backend: "postgres", url: "postgres://u@db:5432/chidao", schema: undefined },
      "a server wins over the data folder",
    ],
    [
      { DATABASE_URL: "postgresql://u@db/chidao", CHIDAO_SCHEMA: "tenant_1" },
      { backend: "postgres", url: "postgresql://u@db/chidao", schema: "tenant_1" },
      "schema on the server",
    ],
  ];
  it.each(stores)("%j → %j (%s)", (env, store) => {
    expect(loadConfig(env).store).toEqual(store);
  });

  const tests: Array<[Record<string, string>, string[], string]> = [
    [{}, ["pglite", "postgres"], "both backends by default"],
    [{ CHIDAO_TEST_BACKENDS: "pglite" }, ["pglite"], "narrowed to the embedded one"],
    [{ CHIDAO_TEST_BACKENDS: " postgres , pglite" }, ["postgres", "pglite"], "spaces ignored"],
  ];
  it.each(tests)("%j → backends %j (%s)", (env, list) => {
    expect(loadConfig(env).test.backends).toEqual(list);
  });

  const bad: Array<[Record<string, string>, string, string]> = [
    [{ DATABASE_URL: "mysql://u@db/x" }, "DATABASE_URL", "not PostgreSQL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL", "not a URL"],
    [
      { CHIDAO_SCHEMA: 'x"; DROP TABLE files; --' },
      "CHIDAO_SCHEMA",
      "a schema name goes into DDL: identifiers only",
    ],
    [{ CHIDAO_WORKERS: "-1" }, "CHIDAO_WORKERS", "negative thread count"],
    [{ CHIDAO_WORKERS: "two" }, "CHIDAO_WORKERS", "not a number"],
    [{ CHIDAO_TEST_BACKENDS: "sqlite" }, "CHIDAO_TEST_BACKENDS", "unknown backend"],
  ];
  it.each(bad)("%j is refused, naming %s (%s)", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it("reads CHIDAO_WORKERS as a number", () => {
    expect(loadConfig({ CHIDAO_WORKERS: "3" }).workers).toBe(3);
    expect(loadConfig({}).workers).toBeUndefined();
  });
});
