/** `chidao unit add|list`: the units (đơn vị) that accounts and their documents belong to. */
import { createUnit, listUnits } from "../store/units-users.js";
import {
  expectPositionals,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  table,
  UsageError,
  withStore,
} from "./store-command.js";
import { unitIdByCode } from "./user.js";

/** The usage lines of `chidao unit`. */
export const unitUsage = `  chidao unit add CODE --name NAME [--parent CODE]
  chidao unit list [--json]
      (each takes --data DIR)
`;

const data = { type: "string" } as const;

async function add(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    data,
    name: { type: "string" },
    parent: { type: "string" },
  });
  const [code] = expectPositionals(positionals, ["CODE"]).map((c) => c.trim());
  if (!code) throw new UsageError("CODE must not be empty");
  const name = values.name?.trim();
  if (!name) throw new UsageError("--name NAME is required");
  return withStore(values.data, async (db) => {
    const parentId = values.parent === undefined ? null : await unitIdByCode(db, values.parent);
    const unit = await createUnit(db, { code, name, parentId }, "chidao unit");
    io.out.write(
      `Created unit ${unit.code} (${unit.name})${values.parent ? ` under ${values.parent}` : ""}\n`,
    );
    return 0;
  });
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data, json: { type: "boolean" } });
  expectPositionals(positionals, []);
  return withStore(values.data, async (db) => {
    const units = await listUnits(db);
    const codes = new Map(units.map((u) => [u.id, u.code]));
    const rows = units.map((u) => ({
      code: u.code,
      name: u.name,
      parent: u.parentId === null ? null : (codes.get(u.parentId) ?? null),
    }));
    if (values.json) io.out.write(`${JSON.stringify(rows)}\n`);
    else
      io.out.write(
        table(
          ["CODE", "PARENT", "NAME"],
          rows.map((r) => [r.code, r.parent ?? "—", r.name]),
        ),
      );
    return 0;
  });
}

/** Runs `chidao unit …`; returns the exit code. */
export function unitCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  const [sub, ...rest] = args;
  return runCommand(`unit${sub && !sub.startsWith("-") ? ` ${sub}` : ""}`, unitUsage, io, async () => {
    if (sub === "add") return add(rest, io);
    if (sub === "list") return list(rest, io);
    throw new UsageError(
      sub === undefined || sub.startsWith("-")
        ? "say what to do first: add, list"
        : `unknown subcommand "${sub}"`,
    );
  });
}
