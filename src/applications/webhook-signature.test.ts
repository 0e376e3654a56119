import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.ts';

const secret = 'whsec_test_secret';
const body = '{"type":"application.submitted","data":{"number":"SP-261130-ABCDEFGH"}}';
const now = new Date('2026-11-30T02:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('verifies what it signed', () => {
    expect(verifyWebhook({ secret, body, timestamp: String(ts), signature: signWebhook(secret, ts, body), now })).toEqual({ ok: true });
  });

  it('is HMAC-SHA256 over "<timestamp>.<body>", hex', () => {
    // Computed independently: printf '1796004000.{}' | openssl dgst -sha256 -hmac k
    expect(signWebhook('k', 1796004000, '{}')).toBe('v1=74e5b6cdfe4aa8d03204b6c5d51219f1bc1b090d34f120b350bd8476daba8d1d');
    expect(signWebhook('k', 1796004000, '{}')).not.toBe(signWebhook('k', 1796004001, '{}'));
  });

  it('refuses a changed body, another secret, a moved timestamp, a missing header', () => {
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhook({ secret, body: body.replace('ABCDEFGH', 'ZZZZZZZZ'), timestamp: String(ts), signature, now })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret: 'other', body, timestamp: String(ts), signature, now })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret, body, timestamp: String(ts + 1), signature, now })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret, body, timestamp: undefined, signature, now })).toEqual({ ok: false, reason: 'missing' });
    expect(verifyWebhook({ secret, body, timestamp: 'abc', signature, now })).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a replay after the tolerance window', () => {
    const old = ts - 301;
    expect(verifyWebhook({ secret, body, timestamp: String(old), signature: signWebhook(secret, old, body), now })).toEqual({ ok: false, reason: 'stale' });
    const future = ts + 301;
    expect(verifyWebhook({ secret, body, timestamp: String(future), signature: signWebhook(secret, future, body), now })).toEqual({ ok: false, reason: 'stale' });
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const header = `${signWebhook('old-secret', ts, body)}, ${signWebhook(secret, ts, body)}`;
    expect(verifyWebhook({ secret, body, timestamp: String(ts), signature: header, now }).ok).toBe(true);
  });

  it('never accepts a signature made with another body or secret', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string({ minLength: 1 }), (a, b, otherSecret) => {
      fc.pre(a !== b && otherSecret !== secret);
      const signature = signWebhook(secret, ts, a);
      expect(verifyWebhook({ secret, body: b, timestamp: String(ts), signature, now }).ok).toBe(false);
      expect(verifyWebhook({ secret: otherSecret, body: a, timestamp: String(ts), signature, now }).ok).toBe(false);
    }));
  });
});
