import type { OutboxRow } from '../repository.ts';
import type { ChannelAdapter } from '../service.ts';

export type WhatsAppOptions = { apiUrl: string; phoneNumberId: string; token: string; fetch?: typeof fetch };

/**
 * WhatsApp Business Cloud API style: POST {apiUrl}/{phone-number-id}/messages with a bearer token.
 * Sends a text message; the number is E.164 without the plus (6281234567890). A non-2xx answer
 * throws, and the outbox worker retries with backoff.
 *
 * Outside the 24-hour customer-service window Meta accepts only approved templates: a production
 * installation registers one template per outbox template name and sets WHATSAPP_API_URL to a
 * gateway that maps them (most Indonesian BSPs offer this), or uses SMS for first contact.
 */
export function whatsAppAdapter(options: WhatsAppOptions): ChannelAdapter {
  const doFetch = options.fetch ?? fetch;
  return {
    async send(message: OutboxRow) {
      const res = await doFetch(`${options.apiUrl.replace(/\/$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: message.recipient.replace(/^\+/, ''),
          type: 'text',
          text: { preview_url: true, body: message.body },
        }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new Error(`WhatsApp ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
