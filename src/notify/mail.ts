/**
 * Email out: reminder emails in Vietnamese (plain text and a simple HTML part; one per person per
 * tick, listing every item due with its link), sent through SMTP (nodemailer) when the
 * configuration names a mail server, or written to the log when it does not — so an office without
 * a mail server still sees what would have gone.
 */
import nodemailer from "nodemailer";
import type { Config, SmtpConfig } from "../config.js";
import type { ReminderEmail, ReminderMailer } from "../store/reminders.js";
import {
  digestClosing,
  digestGroups,
  digestIntro,
  digestLine,
  digestStanding,
  vietnameseDate,
} from "../tasks/reminders.js";

/** One email. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What sends email: reminders (for src/store/reminders.ts) and any message. */
export interface Mailer extends ReminderMailer {
  /** Resolves once the server accepted the message (or it was logged); throws when it was refused. */
  send(message: MailMessage): Promise<void>;
  /** Lets go of the connection. */
  close(): void;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** The address of a work item's page. */
export function itemUrl(baseUrl: string, itemId: number): string {
  return `${baseUrl.replace(/\/+$/, "")}/task-items/${itemId}`;
}

const footer = "Chỉ Đạo — theo dõi nhiệm vụ. Thư gửi tự động, xin không trả lời thư này.";

/**
 * One person's reminders of a tick as one email: a greeting, then for a single reminder its lines
 * and the link to the item; for several, the counts and the items grouped overdue first, then due
 * in 1, 3 and 7 days, each with its link; and where to change what one receives.
 */
export function reminderMail(mail: ReminderEmail, baseUrl: string): MailMessage {
  const base = baseUrl.replace(/\/+$/, "");
  const prefs = `${base}/notifications`;
  const [only] = mail.items;
  if (mail.items.length === 1 && only) return singleMail(mail, itemUrl(base, only.itemId), prefs);
  const groups = digestGroups(mail.items);
  const text = [
    `Kính gửi ${mail.name},`,
    "",
    digestIntro(mail.items, mail.onDate),
    ...groups.flatMap((g) => [
      "",
      `${g.heading} (${g.items.length}):`,
      ...g.items.flatMap((i) => [`- ${digestLine(i)}`, `  ${itemUrl(base, i.itemId)}`]),
    ]),
    "",
    digestClosing,
    "",
    `Xem các thông báo: ${prefs}`,
    "",
    "--",
    footer,
    `Thay đổi cách nhận thông báo: ${prefs}#prefs`,
  ].join("\n");
  const sections = groups
    .map(
      (
        g,
      ) => `<h2 style="font-size: 16px; margin: 18px 0 6px">${escapeHtml(g.heading)} (${g.items.length})</h2>
<ul style="margin: 0; padding-left: 20px">
${g.items
  .map(
    (i) =>
      `<li><a href="${escapeHtml(itemUrl(base, i.itemId))}">${escapeHtml(i.action.replace(/\s+/g, " ").trim())}</a>${
        i.symbol ? ` (${escapeHtml(i.symbol)})` : ""
      }, hạn ${escapeHtml(vietnameseDate(i.due))}, <strong>${escapeHtml(digestStanding(i))}</strong></li>`,
  )
  .join("\n")}
</ul>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(mail.title)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a; line-height: 1.5">
<p>Kính gửi ${escapeHtml(mail.name)},</p>
<p><strong>${escapeHtml(digestIntro(mail.items, mail.onDate))}</strong></p>
${sections}
<p>${escapeHtml(digestClosing)}</p>
<p><a href="${escapeHtml(prefs)}">Xem các thông báo</a></p>
<hr>
<p style="font-size: 13px; color: #555">${escapeHtml(footer)}<br>
<a href="${escapeHtml(prefs)}#prefs">Thay đổi cách nhận thông báo</a></p>
</body></html>`;
  return { to: mail.to, subject: mail.title, text, html };
}

/** A single reminder: its own title and lines, and the link to its item. */
function singleMail(mail: ReminderEmail, link: string, prefs: string): MailMessage {
  const text = [
    `Kính gửi ${mail.name},`,
    "",
    mail.title,
    "",
    mail.body,
    "",
    `Xem và cập nhật nhiệm vụ: ${link}`,
    "",
    "--",
    footer,
    `Thay đổi cách nhận thông báo: ${prefs}#prefs`,
  ].join("\n");
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(mail.title)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a; line-height: 1.5">
<p>Kính gửi ${escapeHtml(mail.name)},</p>
<p><strong>${escapeHtml(mail.title)}</strong></p>
<p>${mail.body.split("\n").map(escapeHtml).join("<br>\n")}</p>
<p><a href="${escapeHtml(link)}">Xem và cập nhật nhiệm vụ</a></p>
<hr>
<p style="font-size: 13px; color: #555">${escapeHtml(footer)}<br>
<a href="${escapeHtml(prefs)}#prefs">Thay đổi cách nhận thông báo</a></p>
</body></html>`;
  return { to: mail.to, subject: mail.title, text, html };
}

/** A mailer that sends through the SMTP server. */
export function smtpMailer(smtp: SmtpConfig, baseUrl: string): Mailer {
  // A tick waits for each message: a server that does not answer must not hold it for minutes.
  const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  const transport = smtp.url
    ? nodemailer.createTransport(smtp.url, { from: smtp.from, ...timeouts })
    : nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
        ...timeouts,
      });
  const mailer: Mailer = {
    transport: "smtp",
    async send(message) {
      await transport.sendMail({ from: smtp.from, ...message });
    },
    sendReminder: (mail) => mailer.send(reminderMail(mail, baseUrl)),
    close: () => transport.close(),
  };
  return mailer;
}

/** A mailer that writes each message to `log` (no SMTP configured). */
export function logMailer(log: (line: string) => void, baseUrl: string): Mailer {
  const mailer: Mailer = {
    transport: "log",
    async send(message) {
      const body = message.text
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n");
      log(`email (no SMTP configured, not sent) to ${message.to}: ${message.subject}\n${body}`);
    },
    sendReminder: (mail) => mailer.send(reminderMail(mail, baseUrl)),
    close: () => {},
  };
  return mailer;
}

/** The mailer the configuration asks for: SMTP when a server is set, else the log. */
export function createMailer(mail: Config["mail"], log: (line: string) => void): Mailer {
  return mail.smtp ? smtpMailer(mail.smtp, mail.baseUrl) : logMailer(log, mail.baseUrl);
}
