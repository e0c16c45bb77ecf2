/**
 * `chidao user add|password|list|disable|enable`: the accounts that sign in to the web app. A
 * password is taken from --password, else from one line piped on stdin, else generated and printed
 * once.
 */
import { type Role, roles } from "../store/access.js";
import {
  type Account,
  accountInput,
  createAccount,
  generatePassword,
  listAccounts,
  setDisabled,
  setPassword,
} from "../store/accounts.js";
import type { Db } from "../store/db.js";
import { listUnits } from "../store/units-users.js";
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

/** The usage lines of `chidao user`. */
export const userUsage = `  chidao user add LOGIN --name NAME --role ${roles.join("|")} [--unit CODE] [--password P]
  chidao user password LOGIN [--password P]
  chidao user list [--json]
  chidao user disable LOGIN | enable LOGIN
      (each takes --data DIR; without --password, a password piped on stdin is read, else one is
      generated and printed once)
`;

const actor = "chidao user";
const data = { type: "string" } as const;

/** The account with this login (case does not matter), or a CommandError. */
export async function accountByLogin(db: Db, login: string): Promise<Account> {
  const account = (await listAccounts(db)).find((a) => a.login.toLowerCase() === login.toLowerCase());
  if (!account) throw new CommandError(`no user "${login}"`);
  return account;
}

/** The id of the unit with this code, or a CommandError. */
export async function unitIdByCode(db: Db, code: string): Promise<number> {
  const unit = (await listUnits(db)).find((u) => u.code === code);
  if (!unit) throw new CommandError(`no unit "${code}" (chidao unit list shows them)`);
  return unit.id;
}

/** One line from a piped stdin, without its line end; "" when nothing came. */
async function readLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** The password to set: given, piped, or generated (and then to be printed). */
async function passwordOf(
  given: string | undefined,
  io: Io,
): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: given, generated: false };
  if (!io.stdin.isTTY) {
    const piped = await readLine(io.stdin);
    if (piped.length > 0) return { password: piped, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

// The password rule is the store's; checked before anything is written, so a bad one is a usage error.
function validPassword(password: string): string {
  const checked = accountInput.shape.password.safeParse(password);
  if (!checked.success) throw new UsageError(`password: ${checked.error.issues[0]?.message}`);
  return password;
}

async function add(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    data,
    name: { type: "string" },
    role: { type: "string" },
    unit: { type: "string" },
    password: { type: "string" },
  });
  const [login] = expectPositionals(positionals, ["LOGIN"]);
  if (values.name === undefined) throw new UsageError("--name NAME is required");
  if (values.role === undefined) throw new UsageError(`--role is required: ${roles.join(", ")}`);
  if (!(roles as readonly string[]).includes(values.role))
    throw new UsageError(`--role takes ${roles.join(", ")}, not "${values.role}"`);
  const { password, generated } = await passwordOf(values.password, io);
  const input = {
    login: login!,
    name: values.name,
    role: values.role as Role,
    password: validPassword(password),
  };
  accountInput.parse({ ...input, unitId: null }); // login and name, before the store is opened
  return withStore(values.data, async (db) => {
    const unitId = values.unit === undefined ? null : await unitIdByCode(db, values.unit);
    const account = await createAccount(db, { ...input, unitId }, actor);
    io.out.write(
      `Created ${account.login} (${account.name}), ${account.role}${values.unit ? ` of ${values.unit}` : ""}\n`,
    );
    if (generated) io.out.write(`Password (shown once): ${password}\n`);
    return 0;
  });
}

async function password(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data, password: { type: "string" } });
  const [login] = expectPositionals(positionals, ["LOGIN"]);
  const { password, generated } = await passwordOf(values.password, io);
  validPassword(password);
  return withStore(values.data, async (db) => {
    const account = await accountByLogin(db, login!);
    await setPassword(db, account.userId, password, actor);
    io.out.write(`Password of ${account.login} set; their sessions are closed\n`);
    if (generated) io.out.write(`Password (shown once): ${password}\n`);
    return 0;
  });
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data, json: { type: "boolean" } });
  expectPositionals(positionals, []);
  return withStore(values.data, async (db) => {
    const [accounts, units] = await Promise.all([listAccounts(db), listUnits(db)]);
    const codes = new Map(units.map((u) => [u.id, u.code]));
    const rows = accounts.map((a) => ({
      login: a.login,
      name: a.name,
      role: a.role,
      unit: a.unitId === null ? null : (codes.get(a.unitId) ?? null),
      disabled: a.disabled,
    }));
    if (values.json) io.out.write(`${JSON.stringify(rows)}\n`);
    else
      io.out.write(
        table(
          ["LOGIN", "ROLE", "UNIT", "STATUS", "NAME"],
          rows.map((r) => [r.login, r.role, r.unit ?? "—", r.disabled ? "disabled" : "active", r.name]),
        ),
      );
    return 0;
  });
}

async function disable(args: string[], io: Io, disabled: boolean): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { data });
  const [login] = expectPositionals(positionals, ["LOGIN"]);
  return withStore(values.data, async (db) => {
    const account = await accountByLogin(db, login!);
    const changed = await setDisabled(db, account.userId, disabled, actor);
    const state = disabled ? "disabled" : "enabled";
    io.out.write(
      changed
        ? `${account.login} ${state}${disabled ? "; their sessions are closed" : ""}\n`
        : `${account.login} was already ${state}\n`,
    );
    return 0;
  });
}

/** Runs `chidao user …`; returns the exit code. */
export function userCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  const [sub, ...rest] = args;
  return runCommand(`user${sub && !sub.startsWith("-") ? ` ${sub}` : ""}`, userUsage, io, async () => {
    switch (sub) {
      case "add":
        return add(rest, io);
      case "password":
        return password(rest, io);
      case "list":
        return list(rest, io);
      case "disable":
        return disable(rest, io, true);
      case "enable":
        return disable(rest, io, false);
      default:
        throw new UsageError(
          sub === undefined || sub.startsWith("-")
            ? "say what to do first: add, password, list, disable, enable"
            : `unknown subcommand "${sub}"`,
        );
    }
  });
}
