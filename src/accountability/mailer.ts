import nodemailer from 'nodemailer';
import type { Config } from '../core/config.js';

export type Mail = { to: string[]; subject: string; text: string };

export type Mailer = {
  /** false without LEITPLANKE_SMTP_URL: notifications then stay in the product. */
  enabled: boolean;
  send(mail: Mail): Promise<void>;
  close(): void;
};

/** E-mail through the organisation's own SMTP server (nodemailer); nothing is sent anywhere else. */
export function createMailer(config: Pick<Config, 'smtp_url' | 'mail_from'>): Mailer {
  if (!config.smtp_url) {
    return { enabled: false, send: async () => undefined, close: () => undefined };
  }
  const transport = nodemailer.createTransport(config.smtp_url);
  return {
    enabled: true,
    async send(mail) {
      if (mail.to.length === 0) return;
      await transport.sendMail({ from: config.mail_from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/** German first, English below, as every text in Leitplanke. */
export function bilingualMail(parts: { de: string[]; en: string[] }, footer: { de: string; en: string }): string {
  return [...parts.de, '', footer.de, '', '— English —', '', ...parts.en, '', footer.en, ''].join('\n');
}
