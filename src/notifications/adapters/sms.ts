import type { OutboxRow } from '../repository.ts';
import type { ChannelAdapter } from '../service.ts';

export type SmsOptions = { apiUrl: string; apiKey: string; sender: string; fetch?: typeof fetch };

/**
 * An HTTP SMS gateway: POST {apiUrl} with JSON { to, from, message } and the key as a bearer token,
 * the shape most Indonesian SMS gateways accept (or a small proxy in front of one). Any non-2xx
 * answer throws, and the outbox worker retries with backoff.
 */
export function smsAdapter(options: SmsOptions): ChannelAdapter {
  const doFetch = options.fetch ?? fetch;
  return {
    async send(message: OutboxRow) {
      const res = await doFetch(options.apiUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json', 'idempotency-key': `${message.regencyCode}:${message.id}` },
        body: JSON.stringify({ to: message.recipient, from: options.sender, message: message.body, reference: message.id }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new Error(`SMS gateway ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
