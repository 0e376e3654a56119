import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxRow } from '../repository.ts';
import type { ChannelAdapter } from '../service.ts';

export type EmailOptions = { from: string } & ({ url: string } | { transport: Transporter });

/** E-mail over SMTP (nodemailer). The subject is the message's `subject` parameter, else its first sentence. */
export function emailAdapter(options: EmailOptions): ChannelAdapter {
  const transport = 'transport' in options ? options.transport : nodemailer.createTransport(options.url);
  return {
    async send(message: OutboxRow) {
      const subject = typeof message.params.subject === 'string' ? message.params.subject : subjectOf(message.body);
      await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject,
        text: message.body,
        // The outbox id: a retried message is recognisable as the same one by the receiving server.
        messageId: `<${message.id}@satupintu>`,
        headers: { 'Content-Language': message.locale },
      });
    },
  };
}

function subjectOf(body: string): string {
  const first = body.split(/(?<=[.!?])\s/)[0] ?? body;
  return first.length > 90 ? `${first.slice(0, 87)}…` : first;
}
