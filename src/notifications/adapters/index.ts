/**
 * The adapter for each channel, chosen by configuration: a channel with its settings goes out for
 * real; one without them goes to the development log adapter (readable by the admin in Admin →
 * Outbox), so a fresh installation works without any gateway.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Channel } from '../schema.ts';
import { type ChannelAdapter, logAdapter } from '../service.ts';
import { emailAdapter } from './email.ts';
import { smsAdapter } from './sms.ts';
import { whatsAppAdapter } from './whatsapp.ts';

export function channelAdapters(config: Config, log: FastifyBaseLogger): Record<Channel, ChannelAdapter> {
  const dev = logAdapter(log);
  return {
    whatsapp:
      config.WHATSAPP_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID
        ? whatsAppAdapter({ apiUrl: config.WHATSAPP_API_URL, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID, token: config.WHATSAPP_TOKEN })
        : dev,
    sms: config.SMS_API_URL && config.SMS_API_KEY ? smsAdapter({ apiUrl: config.SMS_API_URL, apiKey: config.SMS_API_KEY, sender: config.SMS_SENDER }) : dev,
    email: config.SMTP_URL ? emailAdapter({ url: config.SMTP_URL, from: config.SMTP_FROM }) : dev,
  };
}

/** Which channels reach a person's phone for real: WhatsApp when configured, else SMS. */
export function phoneChannel(config: Config): Channel {
  return config.WHATSAPP_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID ? 'whatsapp' : 'sms';
}

/** Whether a channel goes out through a real gateway (else to the development log adapter). */
export function hasGateway(config: Config, channel: Channel): boolean {
  if (channel === 'whatsapp') return Boolean(config.WHATSAPP_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID);
  if (channel === 'sms') return Boolean(config.SMS_API_URL && config.SMS_API_KEY);
  return Boolean(config.SMTP_URL);
}
