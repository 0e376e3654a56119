import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { OutboxRow } from '../repository.ts';
import { emailAdapter } from './email.ts';
import { channelAdapters, phoneChannel } from './index.ts';
import { smsAdapter } from './sms.ts';
import { whatsAppAdapter } from './whatsapp.ts';

const message = (over: Partial<OutboxRow> = {}): OutboxRow => ({
  regencyCode: '35.10',
  id: '7d0b8a4e-0000-4000-8000-000000000001',
  dedupeKey: 'application:x:submitted:+6281234567890',
  channel: 'whatsapp',
  recipient: '+6281234567890',
  template: 'application.submitted',
  params: {},
  locale: 'id',
  body: 'Permohonan SP-261130-ABCDE diterima. Lacak di https://satupintu.example/lacak/SP-261130-ABCDE',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: new Date(),
  sentAt: null,
  lastError: null,
  createdAt: new Date(),
  ...over,
});

function recorder(status = 200) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(status === 200 ? '{"messages":[{"id":"wamid.1"}]}' : '{"error":"nope"}', { status });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('WhatsApp adapter', () => {
  it('posts a Cloud API text message with the bearer token', async () => {
    const { calls, fetchFn } = recorder();
    await whatsAppAdapter({ apiUrl: 'https://graph.example/v21.0/', phoneNumberId: '1234', token: 'tok', fetch: fetchFn }).send(message());
    expect(calls[0]!.url).toBe('https://graph.example/v21.0/1234/messages');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'text',
      text: { preview_url: true, body: message().body },
    });
  });

  it('throws on an error answer, so the worker retries', async () => {
    const { fetchFn } = recorder(503);
    await expect(whatsAppAdapter({ apiUrl: 'https://graph.example', phoneNumberId: '1', token: 't', fetch: fetchFn }).send(message())).rejects.toThrow('WhatsApp 503');
  });
});

describe('SMS adapter', () => {
  it('posts to the gateway with the sender and a reference the gateway can deduplicate on', async () => {
    const { calls, fetchFn } = recorder();
    await smsAdapter({ apiUrl: 'https://sms.example/send', apiKey: 'k', sender: 'SATUPINTU', fetch: fetchFn }).send(message({ channel: 'sms' }));
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer k');
    expect(headers['idempotency-key']).toBe('35.10:7d0b8a4e-0000-4000-8000-000000000001');
    expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({ to: '+6281234567890', from: 'SATUPINTU', message: message().body });
  });

  it('throws on an error answer', async () => {
    const { fetchFn } = recorder(500);
    await expect(smsAdapter({ apiUrl: 'https://sms.example/send', apiKey: 'k', sender: 'S', fetch: fetchFn }).send(message())).rejects.toThrow('SMS gateway 500');
  });
});

describe('e-mail adapter', () => {
  it('sends over the transport with a subject and the outbox id as Message-ID', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: unknown[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: SendMailOptions) => {
      const info = await original(mail);
      sent.push(JSON.parse((info as { message: string }).message));
      return info;
    }) as typeof transport.sendMail;
    await emailAdapter({ transport, from: 'satupintu <no-reply@bwi.example>' }).send(message({ channel: 'email', recipient: 'siti@example.id', params: { subject: 'Permohonan diterima' } }));
    expect(sent[0]).toMatchObject({ subject: 'Permohonan diterima', messageId: '<7d0b8a4e-0000-4000-8000-000000000001@satupintu>', to: [{ address: 'siti@example.id' }] });
  });
});

describe('choosing adapters by configuration', () => {
  const log = { info: () => undefined } as never;

  it('logs every channel when nothing is configured, and reaches phones by SMS', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const adapters = channelAdapters(config, log);
    expect(adapters.sms).toBe(adapters.whatsapp);
    expect(adapters.email).toBe(adapters.sms);
    expect(phoneChannel(config)).toBe('sms');
  });

  it('uses each configured gateway and prefers WhatsApp for phones', () => {
    const config = loadConfig({ NODE_ENV: 'test', WHATSAPP_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '1', SMS_API_URL: 'https://sms.example', SMS_API_KEY: 'k', SMTP_URL: 'smtp://mail.example:587' });
    const adapters = channelAdapters(config, log);
    expect(new Set([adapters.sms, adapters.whatsapp, adapters.email]).size).toBe(3);
    expect(phoneChannel(config)).toBe('whatsapp');
  });
});
