/**
 * The messages an application sends, at the steps that matter to the citizen: received, sent back
 * for correction, rejected, ready. Written to the outbox in the transaction of the change, in the
 * applicant's language, to their phone (WhatsApp when configured, else SMS) and e-mail; the dedupe
 * key (event + recipient) keeps a retried change from sending anything twice.
 */
import type { DbOrTx } from '../db/client.ts';
import { phoneChannel } from '../notifications/adapters/index.ts';
import { enqueueMessage } from '../notifications/service.ts';
import type { Channel } from '../notifications/schema.ts';
import type { AppContext } from '../shared/context.ts';
import type { LocalText } from '../shared/errors.ts';
import { formatLongDate } from './format.ts';
import type { ApplicationRow } from './repository.ts';

export type ApplicantEvent = 'submitted' | 'returned' | 'rejected' | 'ready';

export function publicBase(ctx: Pick<AppContext, 'config'>): string {
  return (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, '');
}

export const links = {
  track: (ctx: Pick<AppContext, 'config'>, number: string) => `${publicBase(ctx)}/lacak/${number}`,
  mine: (ctx: Pick<AppContext, 'config'>, number: string) => `${publicBase(ctx)}/saya/permohonan/${number}`,
  check: (ctx: Pick<AppContext, 'config'>, token: string) => `${publicBase(ctx)}/cek/${token}`,
  staff: (ctx: Pick<AppContext, 'config'>, number: string) => `${publicBase(ctx)}/instansi/permohonan/${number}`,
};

type MessageInput = { app: ApplicationRow; service: LocalText; dueDate: string | null; note: string | null; downloadable: boolean };

function text(ctx: AppContext, event: ApplicantEvent, m: MessageInput): { text: LocalText; subject: LocalText } {
  const n = m.app.number;
  const track = links.track(ctx, n);
  const mine = links.mine(ctx, n);
  switch (event) {
    case 'submitted': {
      const due = m.dueDate ? { id: ` Perkiraan selesai: ${formatLongDate(m.dueDate, 'id')}.`, en: ` Expected by ${formatLongDate(m.dueDate, 'en')}.` } : { id: '', en: '' };
      return {
        subject: { id: `Permohonan ${n} diterima`, en: `Application ${n} received` },
        text: {
          id: `Permohonan ${m.service.id} Anda diterima dengan nomor ${n}.${due.id} Lacak: ${track}`,
          en: `Your application for ${m.service.en} was received as ${n}.${due.en} Track it: ${track}`,
        },
      };
    }
    case 'returned':
      return {
        subject: { id: `Permohonan ${n} perlu perbaikan`, en: `Application ${n} needs correction` },
        text: {
          id: `Permohonan ${n} perlu perbaikan: ${m.note ?? ''} Perbaiki di ${mine} — waktu layanan berhenti sampai Anda mengirim ulang.`,
          en: `Application ${n} needs correction: ${m.note ?? ''} Fix it at ${mine} — the service clock is paused until you resubmit.`,
        },
      };
    case 'rejected':
      return {
        subject: { id: `Permohonan ${n} ditolak`, en: `Application ${n} rejected` },
        text: {
          id: `Permohonan ${n} ditolak. Alasan: ${m.note ?? ''} Bila tidak setuju, Anda dapat mengajukan pengaduan. Rincian: ${mine}`,
          en: `Application ${n} was rejected. Reason: ${m.note ?? ''} If you disagree you may file a complaint. Details: ${mine}`,
        },
      };
    case 'ready':
      return {
        subject: { id: `Permohonan ${n} selesai`, en: `Application ${n} is ready` },
        text: m.downloadable
          ? { id: `Permohonan ${n} (${m.service.id}) sudah selesai. Unduh dokumen Anda di ${mine}`, en: `Application ${n} (${m.service.en}) is ready. Download your document at ${mine}` }
          : { id: `Permohonan ${n} (${m.service.id}) sudah selesai dan dapat diambil. Rincian: ${mine}`, en: `Application ${n} (${m.service.en}) is ready to collect. Details: ${mine}` },
      };
  }
}

/** Queues the message for each of the applicant's contacts; `seq` is the event that causes it. */
export async function notifyApplicant(tx: DbOrTx, ctx: AppContext, event: ApplicantEvent, seq: number, m: MessageInput): Promise<number> {
  const recipients: { channel: Channel; to: string }[] = [];
  if (m.app.applicantPhone) recipients.push({ channel: phoneChannel(ctx.config), to: m.app.applicantPhone });
  if (m.app.applicantEmail) recipients.push({ channel: 'email', to: m.app.applicantEmail });
  const { text: body, subject } = text(ctx, event, m);
  const locale = m.app.applicantLocale === 'en' ? 'en' : 'id';
  let queued = 0;
  for (const r of recipients) {
    const fresh = await enqueueMessage(
      tx,
      ctx.regencyCode,
      {
        dedupeKey: `application:${m.app.id}:${seq}:${event}:${r.channel}:${r.to}`,
        channel: r.channel,
        recipient: r.to,
        template: `application.${event}`,
        locale,
        text: body,
        params: { number: m.app.number, subject: subject[locale] },
      },
      ctx.now(),
    );
    if (fresh) queued++;
  }
  return queued;
}

/** Tells the supervisors that an application is past its promised date (no personal data in the text). */
export async function notifySupervisors(
  tx: DbOrTx,
  ctx: AppContext,
  app: ApplicationRow,
  service: LocalText,
  dueDate: string,
  contacts: { phone: string | null; email: string | null; locale: string }[],
): Promise<number> {
  let queued = 0;
  for (const c of contacts) {
    const locale = c.locale === 'en' ? 'en' : 'id';
    const body: LocalText = {
      id: `Permohonan ${app.number} (${service.id}) melewati janji selesai ${formatLongDate(dueDate, 'id')}. Mohon segera ditindaklanjuti: ${links.staff(ctx, app.number)}`,
      en: `Application ${app.number} (${service.en}) is past its promised date of ${formatLongDate(dueDate, 'en')}. Please act on it: ${links.staff(ctx, app.number)}`,
    };
    const subject = locale === 'en' ? `Late: application ${app.number}` : `Terlambat: permohonan ${app.number}`;
    const targets: { channel: Channel; to: string }[] = [];
    if (c.phone) targets.push({ channel: phoneChannel(ctx.config), to: c.phone });
    if (c.email) targets.push({ channel: 'email', to: c.email });
    for (const t of targets) {
      const fresh = await enqueueMessage(
        tx,
        ctx.regencyCode,
        { dedupeKey: `application:${app.id}:late:${t.channel}:${t.to}`, channel: t.channel, recipient: t.to, template: 'application.late', locale, text: body, params: { number: app.number, subject } },
        ctx.now(),
      );
      if (fresh) queued++;
    }
  }
  return queued;
}
