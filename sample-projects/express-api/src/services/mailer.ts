import { config } from '../config.js';
import { logger } from '../logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export class Mailer {
  private readonly outbox: MailMessage[] = [];

  constructor(
    private readonly from: string,
    private readonly provider: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    // Delivery goes through the provider's queue worker; the API only enqueues.
    this.outbox.push(message);
    logger.info({ to: message.to, subject: message.subject, provider: this.provider, from: this.from }, 'mail queued');
  }

  pending(): number {
    return this.outbox.length;
  }
}

export const mailer = new Mailer(config.mail.from, config.mail.provider);
