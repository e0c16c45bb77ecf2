/**
 * `chidao correct FILE_ID RECORD_ID FIELD VALUE [--as LOGIN] [--data DIR]`: a person's correction
 * of one field of a stored record, kept apart from the parser's reading and laid over every
 * re-reading.
 */
import { z } from "zod";
import { can } from "../store/access.js";
import { type CorrectableField, CorrectionError, correct, correctableFields } from "../store/corrections.js";
import { recordColumns } from "../store/documents.js";
import {
  CommandError,
  expectPositionals,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  UsageError,
  withStore,
} from "./store-command.js";
import { accountByLogin } from "./user.js";

/** The usage lines of `chidao correct`. */
export const correctUsage = `  chidao correct FILE_ID RECORD_ID FIELD VALUE [--as LOGIN] [--data DIR]
      FIELD: ${correctableFields.slice(0, 9).join(", ")},
             ${correctableFields.slice(9).join(", ")}
      VALUE: JSON for a list or a block (["Sở Tài chính"], {"authority":null,…}), null to clear;
      for a text field any other text is taken as it is ("678-CV/TU", 678, "ngày 5"). --as: who
      corrects (admin by default)
`;

// The text fields are the record's columns; the others are lists and blocks of the record.
const textFields: ReadonlySet<string> = new Set(recordColumns);
const nullableText = z.string().nullable();
const textList = { shape: z.array(z.string()), says: "a JSON list of strings" };
const shapes: Record<string, { shape: z.ZodType; says: string }> = {
  system: { shape: z.enum(["party", "state"]).nullable(), says: '"party", "state" or null' },
  recipients: textList,
  distribution: textList,
  signer: {
    shape: z.object({ authority: nullableText, position: nullableText, name: nullableText }),
    says: 'a JSON object {"authority", "position", "name"}',
  },
  marks: {
    shape: z.object({
      urgency: nullableText,
      secrecy: nullableText,
      circulation: nullableText,
      draft: nullableText.optional(),
    }),
    says: 'a JSON object {"urgency", "secrecy", "circulation"}',
  },
};
const plainText = { shape: nullableText, says: "text or null" };

/**
 * The value VALUE stands for in FIELD: JSON when it parses as JSON; for a text field a number or any
 * text that is no JSON stays the text it is ("678" is the number string, not 678).
 */
export function correctionValue(field: CorrectableField, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  if (textFields.has(field) && value !== null && typeof value !== "string") value = text;
  const { shape, says } = shapes[field] ?? plainText;
  const checked = shape.safeParse(value);
  if (!checked.success) throw new UsageError(`${field} takes ${says}, not ${text}`);
  return checked.data;
}

const show = (v: unknown) => JSON.stringify(v ?? null);

/** Runs `chidao correct`; returns the exit code. */
export function correctCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("correct", correctUsage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      data: { type: "string" },
      as: { type: "string" },
    });
    const [fileText, recordId, fieldText, valueText] = expectPositionals(positionals, [
      "FILE_ID",
      "RECORD_ID",
      "FIELD",
      "VALUE",
    ]) as [string, string, string, string];
    const fileId = Number(fileText);
    if (!/^\d+$/.test(fileText) || !Number.isSafeInteger(fileId) || fileId < 1)
      throw new UsageError(`FILE_ID is a file's number, not "${fileText}"`);
    if (!(correctableFields as readonly string[]).includes(fieldText))
      throw new UsageError(`"${fieldText}" is not a field that can be corrected`);
    const field = fieldText as CorrectableField;
    const value = correctionValue(field, valueText);
    const login = values.as ?? "admin";
    return withStore(values.data, async (db) => {
      const account = await accountByLogin(db, login);
      if (account.disabled) throw new CommandError(`${account.login} is disabled`);
      if (!can(account, "document.correct"))
        throw new CommandError(`${account.login} (${account.role}) may not correct documents`);
      try {
        const c = await correct(db, { fileId, recordId, field, value, userId: account.userId });
        io.out.write(
          `Corrected ${field} of record ${recordId} in file ${fileId} (as ${account.login})\n` +
            `  old: ${show(c.old)}\n  new: ${show(c.new)}\n`,
        );
        return 0;
      } catch (error) {
        if (error instanceof CorrectionError) throw new CommandError(error.message);
        throw error;
      }
    });
  });
}
