/** Sends mails over SMTP with nodemailer; absent settings mean mail is off (the outbox keeps them). */
import nodemailer from 'nodemailer';

/** SMTP settings, from the configuration. */
export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  /** The From header. */
  from: string;
}

/** Sends one mail; rejects when the server refuses it. */
export type MailSender = (mail: { to: string; subject: string; text: string }) => Promise<void>;

/** A sender over SMTP. */
export function smtpSender(settings: MailSettings): MailSender & { close(): void } {
  const transport = nodemailer.createTransport(settings.url);
  const send = async (mail: { to: string; subject: string; text: string }) => {
    await transport.sendMail({ from: settings.from, ...mail });
  };
  return Object.assign(send, {
    close: () => {
      transport.close();
    },
  });
}
