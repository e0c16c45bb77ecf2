/**
 * Reminder email: the mail settings read from the environment (either a URL or the parts, what
 * cannot work refused by name), the message (Vietnamese text and escaped HTML with the item's
 * link; a digest of several items grouped overdue first, each with its link), SMTP through nodemailer to a small SMTP server on a local socket (authentication, a refused
 * recipient), a tick's emails marked sent or failed by what that server answered, and the log mailer.
 */
import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createMailer, logMailer, reminderMail, smtpMailer } from "../../src/notify/mail.js";
import type { ReminderEmail } from "../../src/store/reminders.js";
import { runReminders } from "../../src/store/reminders.js";
import { digestItem, digestMessage } from "../../src/tasks/reminders.js";
import { openTestStore, type TestStore } from "../store/backends.js";
import { prefs, reminderRows } from "../store/reminders-fixtures.js";
import { seedDirective, seedItem, seedPerson, seedTask } from "../store/task-fixtures.js";

/** What the test SMTP server received. */
interface Received {
  from: string;
  to: string[];
  data: string;
  auth: string | null;
}

/**
 * An SMTP server speaking just enough of RFC 5321 for nodemailer (EHLO, AUTH PLAIN, MAIL, RCPT,
 * DATA, RSET, QUIT); recipients matching `refuse` are answered 550.
 */
async function smtpServer(refuse = /^$/) {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = "";
    let data: string[] | null = null;
    let current: Received = { from: "", to: [], data: "", auth: null };
    let auth: string | null = null;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say("220 test.local ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      let end = buffer.indexOf("\r\n");
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\r\n");
        if (data) {
          if (line === ".") {
            current.data = data.join("\r\n");
            received.push(current);
            current = { from: "", to: [], data: "", auth };
            data = null;
            say("250 2.0.0 queued");
          } else data.push(line.startsWith("..") ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") say("250-test.local\r\n250-AUTH PLAIN\r\n250 8BITMIME");
        else if (verb === "HELO") say("250 test.local");
        else if (verb === "AUTH") {
          auth = Buffer.from(line.split(" ")[2] ?? "", "base64").toString("utf8");
          current.auth = auth;
          say("235 2.7.0 authenticated");
        } else if (verb === "MAIL") {
          current = { from: /<(.*)>/.exec(line)?.[1] ?? "", to: [], data: "", auth };
          say("250 2.1.0 ok");
        } else if (verb === "RCPT") {
          const to = /<(.*)>/.exec(line)?.[1] ?? "";
          if (refuse.test(to)) say("550 5.1.1 mailbox unavailable");
          else {
            current.to.push(to);
            say("250 2.1.5 ok");
          }
        } else if (verb === "DATA") {
          data = [];
          say("354 go ahead");
        } else if (verb === "RSET" || verb === "NOOP") say("250 ok");
        else if (verb === "QUIT") {
          say("221 bye");
          socket.end();
        } else say("502 not implemented");
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return {
    port,
    received,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

/** The readable text of a received message: quoted-printable and base64 parts decoded. */
function decoded(raw: string): string {
  const qp = raw
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  const b64 = [...raw.matchAll(/\r\n\r\n([A-Za-z0-9+/=\r\n]{40,})(?:\r\n--|$)/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\r\n/g, ""), "base64").toString("latin1"))
    .join("\n");
  return Buffer.from(`${qp}\n${b64}`, "latin1").toString("utf8");
}

const onDate = "2023-12-12";
const subject = (action: string, due: string, symbol: string | null = "45/KH-UBND") => ({
  action,
  unitLabel: "UBND xã A",
  due,
  symbol,
  period: "",
});
const one = digestItem(42, "due-3", subject("Rà soát <hồ sơ>", "2023-12-15"), onDate);

/** A single reminder, as the store hands it to the mailer. */
const mail: ReminderEmail = {
  to: "lan@xa-a.gov.vn",
  name: "Nguyễn Thị Lan",
  onDate,
  ...digestMessage([one], onDate),
  items: [one],
};

/** Several: the items in the digest's order (src/store/reminders.ts sends them so). */
const several = [
  digestItem(7, "overdue", subject("Báo cáo sơ kết", "2023-12-02"), onDate),
  digestItem(5, "overdue", subject("Tổng hợp <ý kiến> & đề xuất", "2023-12-10", null), onDate),
  digestItem(9, "due-1", subject("Tổ chức hội nghị", "2023-12-13"), onDate),
  one,
];
const digest: ReminderEmail = {
  to: "lan@xa-a.gov.vn",
  name: "Nguyễn Thị Lan",
  onDate,
  ...digestMessage(several, onDate),
  items: several,
};

describe("mail settings", () => {
  it("has no SMTP by default, a base URL from the port, the scheduler on every 15 minutes", () => {
    const c = loadConfig({});
    expect(c.mail).toEqual({ smtp: null, baseUrl: "http://localhost:3000" });
    expect(c.scheduler).toEqual({ enabled: true, intervalMs: 15 * 60_000 });
    expect(loadConfig({ CHIDAO_PORT: "8080" }).mail.baseUrl).toBe("http://localhost:8080");
    expect(loadConfig({ CHIDAO_BASE_URL: "https://chidao.cantho.gov.vn/" }).mail.baseUrl).toBe(
      "https://chidao.cantho.gov.vn",
    );
    expect(loadConfig({ CHIDAO_SCHEDULER: "off", CHIDAO_SCHEDULER_MINUTES: "5" }).scheduler).toEqual({
      enabled: false,
      intervalMs: 5 * 60_000,
    });
  });

  it("reads the mail server from its parts, with the port's usual TLS", () => {
    const parts = loadConfig({
      CHIDAO_SMTP_HOST: "mail.cantho.gov.vn",
      CHIDAO_SMTP_USER: "nhacviec@cantho.gov.vn",
      CHIDAO_SMTP_PASSWORD: "bí mật",
    }).mail.smtp;
    expect(parts).toEqual({
      url: null,
      host: "mail.cantho.gov.vn",
      port: 587,
      secure: false,
      user: "nhacviec@cantho.gov.vn",
      password: "bí mật",
      from: "nhacviec@cantho.gov.vn",
    });
    const tls = loadConfig({
      CHIDAO_SMTP_HOST: "mail.x.vn",
      CHIDAO_SMTP_PORT: "465",
      CHIDAO_SMTP_FROM: "Chỉ Đạo <nv@x.vn>",
    });
    expect(tls.mail.smtp).toMatchObject({ port: 465, secure: true, from: "Chỉ Đạo <nv@x.vn>", user: null });
    const secure = loadConfig({
      CHIDAO_SMTP_HOST: "mail.x.vn",
      CHIDAO_SMTP_SECURE: "true",
      CHIDAO_SMTP_FROM: "nv@x.vn",
    });
    expect(secure.mail.smtp).toMatchObject({ port: 465, secure: true });
  });

  it("reads the mail server from a URL", () => {
    const url = loadConfig({ CHIDAO_SMTP_URL: "smtps://nv%40x.vn:p%40ss@mail.x.vn" }).mail.smtp;
    expect(url).toEqual({
      url: "smtps://nv%40x.vn:p%40ss@mail.x.vn",
      host: "mail.x.vn",
      port: 465,
      secure: true,
      user: "nv@x.vn",
      password: "p@ss",
      from: "nv@x.vn",
    });
    expect(
      loadConfig({ CHIDAO_SMTP_URL: "smtp://relay:2525", CHIDAO_SMTP_FROM: "a@b.vn" }).mail.smtp,
    ).toMatchObject({
      host: "relay",
      port: 2525,
      secure: false,
      user: null,
    });
  });

  const bad: Array<[Record<string, string>, string, string]> = [
    [{ CHIDAO_SMTP_URL: "http://mail.x.vn" }, "CHIDAO_SMTP_URL", "not an SMTP URL"],
    [{ CHIDAO_SMTP_URL: "smtp://a@b.vn@m", CHIDAO_SMTP_HOST: "m" }, "CHIDAO_SMTP_HOST", "both ways at once"],
    [
      { CHIDAO_SMTP_URL: "smtp://m", CHIDAO_SMTP_PORT: "25", CHIDAO_SMTP_FROM: "a@b.vn" },
      "CHIDAO_SMTP_PORT",
      "URL and a part",
    ],
    [{ CHIDAO_SMTP_PORT: "25" }, "CHIDAO_SMTP_PORT", "a port without a host"],
    [
      { CHIDAO_SMTP_HOST: "m", CHIDAO_SMTP_PASSWORD: "x", CHIDAO_SMTP_FROM: "a@b.vn" },
      "CHIDAO_SMTP_PASSWORD",
      "a password without a user",
    ],
    [{ CHIDAO_SMTP_HOST: "m", CHIDAO_SMTP_USER: "relay" }, "CHIDAO_SMTP_FROM", "no sender address"],
    [{ CHIDAO_SMTP_HOST: "m", CHIDAO_SMTP_FROM: "nhac viec" }, "CHIDAO_SMTP_FROM", "not an address"],
    [
      { CHIDAO_SMTP_HOST: "m", CHIDAO_SMTP_PORT: "99999", CHIDAO_SMTP_FROM: "a@b.vn" },
      "CHIDAO_SMTP_PORT",
      "no such port",
    ],
    [
      { CHIDAO_SMTP_HOST: "m", CHIDAO_SMTP_SECURE: "maybe", CHIDAO_SMTP_FROM: "a@b.vn" },
      "CHIDAO_SMTP_SECURE",
      "not yes or no",
    ],
    [
      { CHIDAO_SMTP_HOST: "mail.x.vn:25", CHIDAO_SMTP_FROM: "a@b.vn" },
      "CHIDAO_SMTP_HOST",
      "a port in the host",
    ],
    [{ CHIDAO_BASE_URL: "ftp://x" }, "CHIDAO_BASE_URL", "not a web address"],
    [{ CHIDAO_SCHEDULER: "sometimes" }, "CHIDAO_SCHEDULER", "on or off"],
    [{ CHIDAO_SCHEDULER_MINUTES: "0" }, "CHIDAO_SCHEDULER_MINUTES", "no interval"],
  ];
  it.each(bad)("%j is refused, naming %s (%s)", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});

describe("reminder emails", () => {
  it("greets, says the reminder, links to the item, and escapes the HTML", () => {
    const m = reminderMail(mail, "https://chidao.x.vn/");
    expect(m.to).toBe("lan@xa-a.gov.vn");
    expect(m.subject).toBe(mail.title);
    expect(m.text.split("\n").slice(0, 3)).toEqual(["Kính gửi Nguyễn Thị Lan,", "", mail.title]);
    expect(mail.title).toBe("Nhiệm vụ “Rà soát <hồ sơ>” còn 3 ngày đến hạn (15/12/2023)");
    expect(m.text).toContain("Thời hạn: 15/12/2023");
    expect(m.text).toContain("Xem và cập nhật nhiệm vụ: https://chidao.x.vn/task-items/42");
    expect(m.text).toContain("https://chidao.x.vn/notifications");
    expect(m.html).toContain('<a href="https://chidao.x.vn/task-items/42">');
    expect(m.html).toContain("Rà soát &lt;hồ sơ&gt;");
    expect(m.html).not.toContain("<hồ sơ>");
    expect(m.html).toContain("Nhiệm vụ: Rà soát &lt;hồ sơ&gt;<br>\nĐơn vị chủ trì: UBND xã A");
  });

  it("sends several reminders as one email: the counts, then the items grouped, each with its link", () => {
    const m = reminderMail(digest, "https://chidao.x.vn");
    expect(m.subject).toBe("Nhắc việc: 2 nhiệm vụ sắp đến hạn, 2 nhiệm vụ quá hạn");
    const text = m.text.split("\n");
    expect(text.slice(0, 13)).toEqual([
      "Kính gửi Nguyễn Thị Lan,",
      "",
      "Ngày 12/12/2023: 2 nhiệm vụ sắp đến hạn, 2 nhiệm vụ quá hạn.",
      "",
      "Quá hạn (2):",
      "- “Báo cáo sơ kết” (45/KH-UBND), hạn 02/12/2023, quá hạn 10 ngày",
      "  https://chidao.x.vn/task-items/7",
      "- “Tổng hợp <ý kiến> & đề xuất”, hạn 10/12/2023, quá hạn 2 ngày",
      "  https://chidao.x.vn/task-items/5",
      "",
      "Còn 1 ngày đến hạn (1):",
      "- “Tổ chức hội nghị” (45/KH-UBND), hạn 13/12/2023, còn 1 ngày",
      "  https://chidao.x.vn/task-items/9",
    ]);
    expect(m.text).toContain(
      "Còn 3 ngày đến hạn (1):\n- “Rà soát <hồ sơ>” (45/KH-UBND), hạn 15/12/2023, còn 3 ngày\n  https://chidao.x.vn/task-items/42",
    );
    expect(m.text).toContain("Thay đổi cách nhận thông báo: https://chidao.x.vn/notifications#prefs");
    // HTML: the same groups in order, every link, every text escaped.
    const order = ["Quá hạn (2)", "Còn 1 ngày đến hạn (1)", "Còn 3 ngày đến hạn (1)"].map((h) =>
      m.html.indexOf(h),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    for (const id of [7, 5, 9, 42])
      expect(m.html).toContain(`<a href="https://chidao.x.vn/task-items/${id}">`);
    expect(m.html).toContain(
      "Tổng hợp &lt;ý kiến&gt; &amp; đề xuất</a>, hạn 10/12/2023, <strong>quá hạn 2 ngày</strong>",
    );
    expect(m.html).not.toContain("<ý kiến>");
    expect(m.html).not.toContain("<hồ sơ>");
  });

  it("writes the message to the log when no SMTP is configured", async () => {
    const lines: string[] = [];
    const mailer = createMailer({ smtp: null, baseUrl: "http://localhost:3000" }, (l) => lines.push(l));
    expect(mailer.transport).toBe("log");
    await mailer.sendReminder(mail);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`email (no SMTP configured, not sent) to lan@xa-a.gov.vn: ${mail.title}`);
    expect(lines[0]).toContain("  Xem và cập nhật nhiệm vụ: http://localhost:3000/task-items/42");
    expect(logMailer(() => {}, "x").transport).toBe("log");
  });
});

describe("SMTP", () => {
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let store: TestStore;

  beforeAll(async () => {
    smtp = await smtpServer(/^refuse/);
    store = await openTestStore("pglite");
  }, 60_000);
  afterAll(async () => {
    await smtp.close();
    await store.drop();
  });
  /** A mailer to the test's SMTP server, without authentication. */
  const localMailer = () =>
    smtpMailer(
      {
        url: null,
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        user: null,
        password: null,
        from: "nv@x.vn",
      },
      "http://localhost:3000",
    );

  it("sends through the server, with authentication from the URL", async () => {
    const config = loadConfig({
      CHIDAO_SMTP_URL: `smtp://nv%40x.vn:mat-khau@127.0.0.1:${smtp.port}`,
      CHIDAO_BASE_URL: "https://chidao.x.vn",
    });
    const mailer = createMailer(config.mail, () => {
      throw new Error("nothing is logged when SMTP is configured");
    });
    expect(mailer.transport).toBe("smtp");
    try {
      await mailer.sendReminder(mail);
    } finally {
      mailer.close();
    }
    const got = smtp.received.at(-1)!;
    expect(got.from).toBe("nv@x.vn");
    expect(got.to).toEqual(["lan@xa-a.gov.vn"]);
    expect(got.auth).toBe("\u0000nv@x.vn\u0000mat-khau");
    expect(got.data).toMatch(/^To: lan@xa-a\.gov\.vn$/m);
    expect(got.data).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(got.data).toContain("text/plain");
    expect(got.data).toContain("text/html");
    const text = decoded(got.data);
    expect(text).toContain("Kính gửi Nguyễn Thị Lan,");
    expect(text).toContain("https://chidao.x.vn/task-items/42");
  });

  it("throws the server's refusal", async () => {
    const mailer = localMailer();
    try {
      await expect(mailer.sendReminder({ ...mail, to: "refuse@x.vn" })).rejects.toThrow(/550/);
    } finally {
      mailer.close();
    }
  });

  it("marks a tick's emails sent or failed by what the server answered", async () => {
    const { db } = store;
    const body = "state/ubnd@xa-smtp.test";
    const ok = await seedPerson(db, {
      unitCode: "SMTP",
      orgKey: body,
      login: "smtp.ok",
      role: "officer",
      email: "ok@x.vn",
    });
    const no = await seedPerson(db, {
      unitCode: "SMTP",
      orgKey: body,
      login: "smtp.no",
      role: "clerk",
      email: "refuse@x.vn",
    });
    for (const p of [ok, no]) await prefs(db, p.userId, { email: true });
    const task = await seedTask(db, await seedDirective(db, { symbol: "7/KH" }), {
      action: "Báo cáo sơ kết",
    });
    await seedItem(db, task, { orgKey: body, due: "2023-12-13" });
    const before = smtp.received.length;
    const mailer = localMailer();
    try {
      const ran = await runReminders(db, { today: "2023-12-12", mailer });
      expect(ran).toMatchObject({ claimed: 2, emailed: 1, failed: 1 });
    } finally {
      mailer.close();
    }
    expect(smtp.received.slice(before).map((r) => r.to)).toEqual([["ok@x.vn"]]);
    const rows = Object.fromEntries(
      (await reminderRows(db)).map((r) => [r.login, [r.email_state, r.email_error]]),
    );
    expect(rows["smtp.ok"]).toEqual(["sent", null]);
    expect(rows["smtp.no"]![0]).toBe("failed");
    expect(rows["smtp.no"]![1]).toContain("550");
  });
});
