import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real effects behind the agent's tools and the sending of approved letters, behind small
 * interfaces so a deployment can swap them (SMTP for the outbox, a chat API for the webhook).
 */
export type MailMessage = { to: string; subject: string; text: string };
export type MailSender = { send(message: MailMessage): Promise<{ messageId: string; location?: string }> };
export type WebhookPoster = { post(url: string, body: Record<string, unknown>): Promise<{ status: number }> };

function encodeHeader(value: string): string {
  // RFC 2047 for non-ASCII subjects; ASCII stays readable.
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/**
 * Writes each message as an RFC 5322 `.eml` file into a folder (default `<data_dir>/outbox`), from
 * where a mail server or a person forwards it. Nothing leaves the machine unseen.
 */
export function createOutboxMailSender(dir: string, from = 'leitplanke@localhost'): MailSender {
  return {
    async send(message) {
      mkdirSync(dir, { recursive: true });
      const messageId = `${randomUUID()}@leitplanke`;
      const headers = [
        `From: ${from}`,
        `To: ${message.to}`,
        `Subject: ${encodeHeader(message.subject)}`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: <${messageId}>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
      ];
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.slice(0, 8)}.eml`,
      );
      writeFileSync(file, `${headers.join('\r\n')}\r\n\r\n${message.text.replace(/\r?\n/g, '\r\n')}\r\n`, {
        mode: 0o600,
      });
      return { messageId, location: file };
    },
  };
}

/** POSTs JSON (`{"text": …}` is understood by Mattermost, Rocket.Chat, Slack and Matrix hookshot). */
export const fetchWebhookPoster: WebhookPoster = {
  async post(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    return { status: response.status };
  },
};

/** Local time in Europe/Berlin ("2026-11-21T10:00") as a UTC instant. */
export function berlinToUtc(local: string): Date {
  const guess = new Date(`${local}:00Z`);
  const offset = (instant: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    return (
      Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`) -
      instant.getTime()
    );
  };
  const first = new Date(guess.getTime() - offset(guess));
  return new Date(guess.getTime() - offset(first));
}

const icsText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const icsTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds lines at 75 octets as RFC 5545 section 3.1 requires, without splitting a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char) > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export type CalendarEntry = {
  uid: string;
  title: string;
  start: string;
  end: string;
  location?: string | undefined;
  description?: string | undefined;
  stamp: Date;
};

/** An iCalendar (RFC 5545) file with one event; times are given in Europe/Berlin and written in UTC. */
export function buildIcs(entry: CalendarEntry): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Leitplanke//Arbeitsablaeufe//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `DTSTAMP:${icsTime(entry.stamp)}`,
    `DTSTART:${icsTime(berlinToUtc(entry.start))}`,
    `DTEND:${icsTime(berlinToUtc(entry.end))}`,
    `SUMMARY:${icsText(entry.title)}`,
    ...(entry.location ? [`LOCATION:${icsText(entry.location)}`] : []),
    ...(entry.description ? [`DESCRIPTION:${icsText(entry.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
