/**
 * Signing of outbound webhooks (what an agency system receives), Stripe-style: the signature is
 * HMAC-SHA256 over `<timestamp>.<raw body>` with the agency's secret, so a captured request cannot
 * be replayed later (the timestamp is signed and must be recent) nor altered. Receivers also keep
 * the delivery ids of the last few minutes and drop a repeat. Pure; the example agency client
 * carries a copy of `verifyWebhook` to show it needs nothing from this code base.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EVENT_HEADER = 'x-satupintu-event';
export const DELIVERY_HEADER = 'x-satupintu-delivery';
export const TIMESTAMP_HEADER = 'x-satupintu-timestamp';
export const SIGNATURE_HEADER = 'x-satupintu-signature';
/** How old a signed request may be when it arrives. */
export const TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'bad_signature' };

export function verifyWebhook(input: { secret: string; body: string; timestamp: string | undefined; signature: string | undefined; now: Date; toleranceSeconds?: number }): VerifyResult {
  if (!input.timestamp || !input.signature || !/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'missing' };
  const timestamp = Number(input.timestamp);
  if (Math.abs(input.now.getTime() / 1000 - timestamp) > (input.toleranceSeconds ?? TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  // A header may carry several signatures while a secret is being rotated: any one may match.
  const given = input.signature.split(',').map((s) => Buffer.from(s.trim()));
  return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected)) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}
