/**
 * `chidao unit add|list|set-body`: the units (đơn vị) that accounts and their documents belong to,
 * and the body of the cascade each stands for (what is assigned to that body is the unit's work).
 */
import { createUnit, listUnits, setUnitBody, UnitError } from "../store/units-users.js";
import {
  CommandError,
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
export const unitUsage = `  chidao unit add CODE --name NAME [--parent CODE] [--body KEY]
  chidao unit set-body CODE KEY|--none
  chidao unit list [--json]
      (each takes --data DIR; KEY is a body's key, as /organisations shows it)
`;

const data = { type: "string" } as const;

async function add(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    data,
    name: { type: "string" },
    parent: { type: "string" },
    body: { type: "string" },
  });
  const [code] = expectPositionals(positionals, ["CODE"]).map((c) => c.trim());
  if (!code) throw new UsageError("CODE must not be empty");
  const name = values.name?.trim();
  if (!name) throw new UsageError("--name NAME is required");
  const orgKey = values.body?.trim();
  if (values.body !== undefined && !orgKey) throw new UsageError("--body KEY must not be empty");
  return withStore(values.data, async (db) => {
    const parentId = values.parent === undefined ? null : await unitIdByCode(db, values.parent);
    const unit = await createUnit(db, { code, name, parentId, orgKey: orgKey ?? null }, "chidao unit").catch(
      refused,
    );
    io.out.write(
      `Created unit ${unit.code} (${unit.name})${values.parent ? ` under ${values.parent}` : ""}` +
        `${unit.orgKey ? `, standing for ${unit.orgKey}` : ""}\n`,
    );
    return 0;
  });
}

/** The store's refusal as the one line the command prints. */
function refused(error: unknown): never {
  if (error instanceof UnitError) throw new CommandError(error.message);
  throw error;
}

async function setBody(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data, none: { type: "boolean" } });
  const names = values.none ? ["CODE"] : ["CODE", "KEY"];
  const [code, key] = expectPositionals(positionals, names).map((c) => c.trim());
  if (!code) throw new UsageError("CODE must not be empty");
  if (!values.none && !key) throw new UsageError("KEY must not be empty (--none clears the body)");
  return withStore(values.data, async (db) => {
    const unitId = await unitIdByCode(db, code);
    const unit = await setUnitBody(db, unitId, values.none ? null : key!, "chidao unit").catch(refused);
    io.out.write(
      unit.orgKey
        ? `Unit ${unit.code} stands for ${unit.orgKey}\n`
        : `Unit ${unit.code} stands for no body\n`,
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
      body: u.orgKey,
    }));
    if (values.json) io.out.write(`${JSON.stringify(rows)}\n`);
    else
      io.out.write(
        table(
          ["CODE", "PARENT", "NAME", "BODY"],
          rows.map((r) => [r.code, r.parent ?? "—", r.name, r.body ?? "—"]),
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
    if (sub === "set-body") return setBody(rest, io);
    throw new UsageError(
      sub === undefined || sub.startsWith("-")
        ? "say what to do first: add, list, set-body"
        : `unknown subcommand "${sub}"`,
    );
  });
}
