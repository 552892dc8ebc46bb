import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type MailServer = { url: string; mails: ParsedMail[]; waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>; waitForMail(matches: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>; to(address: string): ParsedMail[]; close(): Promise<void> };

/** A real SMTP server on loopback (smtp-server) that parses every message it receives (mailparser). */
export async function startMailServer(): Promise<MailServer> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((entry) => entry.value.map((address) => address.address?.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}: ${mails.map((mail) => mail.subject).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return mails;
    },
    /** Mails go out from a job, one per recipient and in no fixed order: wait for the one meant. */
    async waitForMail(matches, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find(matches);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such mail among ${mails.length}: ${mails.map((mail) => mail.subject).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    to: (address) => mails.filter((mail) => recipients(mail).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
