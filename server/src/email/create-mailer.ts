/**
 * Email goes through SMTP when SMTP_URL is set. Otherwise each message is kept in the
 * email_outbox table (and, in development, printed to the console) so invitations work on the
 * embedded start too. A message sent by SMTP keeps only its recipient, subject and times: its
 * body carries invitation and reset links that must not outlive the delivery.
 */
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { emailOutbox } from '../db/schema.ts';
import type { EmailMessage, Mailer } from '../ports.ts';

export function createMailer(database: Database, config: Config): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  return {
    async send(message: EmailMessage) {
      const [row] = await database.db
        .insert(emailOutbox)
        .values({ toAddress: message.to, subject: message.subject, textBody: message.text })
        .returning({ id: emailOutbox.id });
      if (!transport) {
        // Production logs are collected and kept; links printed there would be readable by anyone with log access.
        if (config.mode !== 'production') {
          console.log(`\n[email] To: ${message.to}\n[email] Subject: ${message.subject}\n${message.text}\n`);
        }
        return;
      }
      await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
      if (row) {
        await database.db
          .update(emailOutbox)
          .set({ sentAt: new Date(), textBody: '' })
          .where(eq(emailOutbox.id, row.id));
      }
    },
  };
}
