/**
 * Online booking of time slots, with capacity per slot, online and walk-in quotas per service per
 * day kept apart, the quota's opening time, one active booking per NIK per service per day and a
 * limit per phone (against calo), cancel and reschedule, and check-in by booking code or its QR.
 *
 * No slot is ever overbooked: the capacity check is the conditional UPDATE in repository.takeSlot,
 * inside the booking's transaction, and a check constraint on queue_slots repeats it.
 */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/service.ts';
import { endOfWibDay, isLocalDate, type LocalDate, wibDateOf, wibInstant } from '../catalogue/calendar/local-date.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { maskNik } from '../identity/nik.ts';
import { findUserById } from '../identity/repository.ts';
import { enqueueMessage } from '../notifications/service.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { checkInDecision, noShowAfter, noShowStanding, type NoShowStanding } from './check-in.ts';
import {
  findPoint,
  findPointService,
  hoursOfDay,
  isOwnPoint,
  loadPointSettings,
  NOT_FOUND,
  type Point,
  type PointService,
  requireQueue,
  serviceSettingsOf,
  servicesOfPoint,
  type ServiceSettings,
} from './points.ts';
import * as repo from './repository.ts';
import { auditDetailsOf, createTicket, type Issuer, type PrintableTicket, qrSvg, issuedTicketView } from './service.ts';
import { bookable, bookingCodeFrom, normaliseBookingCode, quotaOpensAt, type SlotTime, slotsOfDay } from './slots.ts';

const DAY_MS = 24 * 3600_000;

function conflict(reason: string, id: string, en: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('conflict', { id, en }, undefined, { reason, ...extra });
}

/** SQLSTATE through drizzle's wrapper. */
function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

function wib(date: Date): string {
  return date.toLocaleString('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function validDay(day: string): LocalDate {
  if (!isLocalDate(day)) throw new AppError('validation_failed', undefined, [{ field: 'date', message: { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'Date must be YYYY-MM-DD.' } }]);
  return day;
}

async function serviceSettings(ctx: AppContext, tx: DbOrTx, point: Point, service: PointService): Promise<ServiceSettings> {
  return serviceSettingsOf(await repo.findServiceSettings(tx, ctx.regencyCode, point.id, service.id));
}

async function slotsFor(ctx: AppContext, tx: DbOrTx, point: Point, settings: ServiceSettings, day: LocalDate): Promise<SlotTime[]> {
  return slotsOfDay(await hoursOfDay(ctx, tx, point, day), settings.slotMinutes, settings.closingMarginMinutes);
}

// — public: quotas and slots —

export type QuotaView = {
  service: { code: string; name: LocalText; agency: string };
  bookingEnabled: boolean;
  online: { quota: number; booked: number; remaining: number };
  walkIn: { quota: number | null; issued: number; released: number; remaining: number | null };
  opensAt: string;
  open: boolean;
};

/**
 * The day's quotas per configured service, online and walk-in apart, live: the public page that
 * shows whether "online" places are really left while the walk-in line is long, and vice versa.
 */
export async function getAvailability(ctx: AppContext, pointCode: string, dayInput?: string): Promise<{ point: { code: string; name: LocalText }; day: string; services: QuotaView[] }> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  const day = dayInput ? validDay(dayInput) : wibDateOf(ctx.now());
  const [settingsRows, quotas, services, hours] = await Promise.all([
    repo.listServiceSettings(ctx.db, ctx.regencyCode, point.id),
    repo.listDailyQuotas(ctx.db, ctx.regencyCode, point.id, day),
    servicesOfPoint(ctx, ctx.db, point),
    hoursOfDay(ctx, ctx.db, point, day),
  ]);
  const now = ctx.now();
  const out: QuotaView[] = [];
  for (const row of settingsRows) {
    const service = services.find((s) => s.id === row.serviceId);
    if (!service) continue;
    const settings = serviceSettingsOf(row);
    const quota = quotas.find((q) => q.serviceId === row.serviceId);
    const capacity = slotsOfDay(hours, settings.slotMinutes, settings.closingMarginMinutes).length * settings.slotCapacity;
    const onlineQuota = Math.min(capacity, quota?.onlineQuota ?? settings.onlineDailyQuota ?? capacity);
    const booked = quota?.onlineBooked ?? 0;
    const walkInQuota = quota?.walkInQuota ?? settings.walkInDailyQuota;
    const issued = quota?.walkInIssued ?? 0;
    const released = quota?.released ?? 0;
    const opensAt = quotaOpensAt(day, settings.opening);
    out.push({
      service: { code: service.code, name: service.name, agency: service.agency },
      bookingEnabled: settings.bookingEnabled,
      online: { quota: onlineQuota, booked, remaining: Math.max(0, onlineQuota - booked) },
      walkIn: { quota: walkInQuota, issued, released, remaining: walkInQuota == null ? null : Math.max(0, walkInQuota + released - issued) },
      opensAt: opensAt.toISOString(),
      open: settings.bookingEnabled && now >= opensAt,
    });
  }
  out.sort((a, b) => a.service.name.id.localeCompare(b.service.name.id));
  return { point: { code: point.code, name: { id: point.nameId, en: point.nameEn } }, day, services: out };
}

export async function listSlots(ctx: AppContext, pointCode: string, serviceCode: string, dayInput: string) {
  const point = await findPoint(ctx, ctx.db, pointCode);
  const service = await findPointService(ctx, ctx.db, point, serviceCode);
  const day = validDay(dayInput);
  const settings = await serviceSettings(ctx, ctx.db, point, service);
  const [times, rows, quotas] = await Promise.all([
    slotsFor(ctx, ctx.db, point, settings, day),
    repo.listSlots(ctx.db, ctx.regencyCode, point.id, service.id, day),
    repo.listDailyQuotas(ctx.db, ctx.regencyCode, point.id, day),
  ]);
  const now = ctx.now();
  const quota = quotas.find((q) => q.serviceId === service.id);
  const onlineLeft = (quota?.onlineQuota ?? settings.onlineDailyQuota) == null ? Infinity : (quota?.onlineQuota ?? settings.onlineDailyQuota)! - (quota?.onlineBooked ?? 0);
  const opensAt = quotaOpensAt(day, settings.opening);
  return {
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    service: { code: service.code, name: service.name },
    day,
    bookingEnabled: settings.bookingEnabled,
    opensAt: opensAt.toISOString(),
    slots: times.map((t) => {
      const row = rows.find((r) => r.startTime === t.start);
      const capacity = row?.capacity ?? settings.slotCapacity;
      const booked = row?.booked ?? 0;
      const remaining = Math.max(0, Math.min(capacity - booked, onlineLeft));
      return { start: t.start, end: t.end, capacity, booked, remaining, bookable: settings.bookingEnabled && remaining > 0 && bookable(now, day, t.start, settings.opening).ok };
    }),
  };
}

// — booking —

export type BookInput = { point: string; service: string; date: string; time: string };

export type BookingView = {
  code: string;
  status: string;
  point: { code: string; name: LocalText };
  service: { code: string; name: LocalText };
  date: string;
  time: string;
  nik: string;
  checkInFrom: string;
  lateAfter: string;
  createdAt: string;
  ticket: { number: string; token: string; state: string } | null;
  checkInUrl: string;
  qrSvg: string;
  standing: StandingView;
};

export type StandingView = { kind: 'clear' } | { kind: 'warning'; count: number; remaining: number } | { kind: 'blocked'; count: number; until: string };

function standingView(s: NoShowStanding): StandingView {
  return s.kind === 'blocked' ? { ...s, until: s.until.toISOString() } : s;
}

export function bookingUrl(origin: string, code: string): string {
  return `${origin}/antrian/booking/${code}`;
}

type Target = { point: Point; service: PointService; settings: ServiceSettings; day: LocalDate; slot: SlotTime };

/** Checks a requested slot outside the transaction: it exists that day, booking is on, the quota is open, the slot is ahead. */
async function resolveTarget(ctx: AppContext, input: BookInput): Promise<Target> {
  const point = await findPoint(ctx, ctx.db, input.point);
  const service = await findPointService(ctx, ctx.db, point, input.service);
  const day = validDay(input.date);
  const settings = await serviceSettings(ctx, ctx.db, point, service);
  if (!settings.bookingEnabled) {
    throw conflict('booking_disabled', `Layanan "${service.name.id}" di ${point.nameId} belum dapat dibooking daring; silakan datang langsung.`, `"${service.name.en}" at ${point.nameEn} cannot be booked online; please walk in.`);
  }
  const slots = await slotsFor(ctx, ctx.db, point, settings, day);
  const slot = slots.find((s) => s.start === input.time);
  if (!slot) {
    throw new AppError('validation_failed', undefined, [
      {
        field: 'time',
        message: slots.length
          ? { id: `Tidak ada slot pukul ${input.time} pada ${day}. Pilih salah satu slot yang tersedia.`, en: `There is no ${input.time} slot on ${day}. Choose one of the available slots.` }
          : { id: `${point.nameId} tutup pada ${day}.`, en: `${point.nameEn} is closed on ${day}.` },
      },
    ]);
  }
  const when = bookable(ctx.now(), day, slot.start, settings.opening);
  if (!when.ok && when.reason === 'not_open_yet') {
    throw conflict('quota_not_open', `Kuota tanggal ${day} dibuka ${wib(when.opensAt)} WIB.`, `Bookings for ${day} open at ${when.opensAt.toISOString()} (${wib(when.opensAt)} WIB).`, { opensAt: when.opensAt.toISOString() });
  }
  if (!when.ok) throw conflict('slot_past', 'Slot ini sudah lewat.', 'This slot has already started.');
  return { point, service, settings, day, slot: slot };
}

async function citizenOf(ctx: AppContext, actor: Actor): Promise<{ userId: string; nik: string; phone: string; locale: 'id' | 'en' }> {
  requireQueue(actor, 'queue.book', null);
  if (actor.kind !== 'user' || !actor.nik) throw new AppError('forbidden');
  const user = await findUserById(ctx.db, ctx.regencyCode, actor.userId);
  if (!user?.phone) throw new AppError('validation_failed', undefined, [{ field: 'phone', message: { id: 'Akun Anda belum memiliki nomor HP.', en: 'Your account has no mobile number.' } }]);
  return { userId: actor.userId, nik: actor.nik, phone: user.phone, locale: actor.locale };
}

async function standingOf(ctx: AppContext, tx: DbOrTx, nik: string): Promise<NoShowStanding> {
  const now = ctx.now();
  const standing = noShowStanding(await repo.listNoShowDates(tx, ctx.regencyCode, nik, new Date(now.getTime() - 60 * DAY_MS)), now);
  if (standing.kind === 'blocked') {
    throw new AppError(
      'forbidden',
      {
        id: `Booking daring ditangguhkan sampai ${wib(standing.until)} WIB karena ${standing.count} kali tidak hadir. Anda tetap dapat mengambil antrian langsung di lokasi.`,
        en: `Online booking is suspended until ${standing.until.toISOString()} after ${standing.count} missed bookings. You can still take a walk-in ticket on site.`,
      },
      undefined,
      { reason: 'no_show_block', until: standing.until.toISOString() },
    );
  }
  return standing;
}

/** Takes one place in the slot, the day's online quota and the phone's daily limit — or throws which one is full. */
async function takePlaces(ctx: AppContext, tx: Tx, t: Target, phone: string, phoneLimit: number): Promise<void> {
  const r = ctx.regencyCode;
  await repo.ensureDailyQuota(tx, { regencyCode: r, pointId: t.point.id, serviceId: t.service.id, day: t.day, onlineQuota: t.settings.onlineDailyQuota, walkInQuota: t.settings.walkInDailyQuota });
  await repo.ensureSlots(tx, [{ regencyCode: r, pointId: t.point.id, serviceId: t.service.id, day: t.day, startTime: t.slot.start, endTime: t.slot.end, capacity: t.settings.slotCapacity }]);
  if (!(await repo.takeSlot(tx, r, t.point.id, t.service.id, t.day, t.slot.start))) {
    throw conflict('slot_full', `Slot ${t.slot.start}–${t.slot.end} tanggal ${t.day} sudah penuh. Pilih slot lain.`, `The ${t.slot.start}–${t.slot.end} slot on ${t.day} is full. Choose another slot.`);
  }
  if (!(await repo.takeOnlineQuota(tx, r, t.point.id, t.service.id, t.day))) {
    throw conflict('quota_full', `Kuota daring "${t.service.name.id}" tanggal ${t.day} sudah habis.`, `The online quota for "${t.service.name.en}" on ${t.day} is used up.`);
  }
  if (!(await repo.takePhoneDay(tx, r, phone, t.day, phoneLimit))) {
    throw conflict('phone_limit', `Nomor HP ini sudah dipakai untuk ${phoneLimit} booking aktif pada tanggal ${t.day}.`, `This phone number already holds ${phoneLimit} active bookings on ${t.day}.`);
  }
}

async function releasePlaces(ctx: AppContext, tx: Tx, b: repo.BookingRow): Promise<void> {
  await repo.returnSlot(tx, ctx.regencyCode, b.pointId, b.serviceId, b.day, b.startTime);
  await repo.returnOnlineQuota(tx, ctx.regencyCode, b.pointId, b.serviceId, b.day);
  await repo.returnPhoneDay(tx, ctx.regencyCode, b.phone, b.day);
}

async function insertBookingRow(ctx: AppContext, tx: Tx, t: Target, who: { userId: string; nik: string; phone: string; locale: 'id' | 'en' }): Promise<repo.BookingRow> {
  try {
    return await repo.insertBooking(tx, {
      regencyCode: ctx.regencyCode,
      code: bookingCodeFrom(randomBytes(8)),
      pointId: t.point.id,
      serviceId: t.service.id,
      day: t.day,
      startTime: t.slot.start,
      nik: who.nik,
      phone: who.phone,
      userId: who.userId,
      locale: who.locale,
      status: 'booked',
      createdAt: ctx.now(),
    });
  } catch (error) {
    if (pgCode(error) === '23505') throw alreadyBooked(t);
    throw error;
  }
}

function alreadyBooked(t: Target): AppError {
  return conflict('already_booked', `Anda sudah memiliki booking "${t.service.name.id}" pada tanggal ${t.day}. Batalkan atau ubah jadwalnya bila perlu.`, `You already have a booking for "${t.service.name.en}" on ${t.day}. Cancel or reschedule it if needed.`);
}

function confirmationText(b: repo.BookingRow, t: Target): LocalText {
  return {
    id: `Booking ${b.code}: ${t.service.name.id} di ${t.point.nameId}, ${t.day} pukul ${t.slot.start} WIB. Datang paling cepat 30 menit sebelumnya dan pindai QR/ketik kode di kios. Terlambat lebih dari 10 menit menjadi antrian biasa.`,
    en: `Booking ${b.code}: ${t.service.name.en} at ${t.point.nameEn}, ${t.day} at ${t.slot.start} WIB. Come no earlier than 30 minutes before and scan the QR or type the code at the kiosk. More than 10 minutes late becomes an ordinary walk-in ticket.`,
  };
}

/** Deadlocks and serialisation failures under heavy concurrency become a plain "try again". */
async function retryable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const code = pgCode(error);
    if (code === '40P01' || code === '40001') throw conflict('busy', 'Sistem sedang sibuk. Coba lagi sebentar.', 'The system is busy. Try again in a moment.');
    throw error;
  }
}

export async function bookSlot(ctx: AppContext, actor: Actor, input: BookInput, meta: RequestMeta, origin: string): Promise<BookingView> {
  const who = await citizenOf(ctx, actor);
  const t = await resolveTarget(ctx, input);
  const settings = await loadPointSettings(ctx, ctx.db, t.point);
  const { booking, standing } = await retryable(() =>
    ctx.db.transaction(async (tx) => {
      const standing = await standingOf(ctx, tx, who.nik);
      await takePlaces(ctx, tx, t, who.phone, settings.phoneDailyLimit);
      const booking = await insertBookingRow(ctx, tx, t, who);
      const now = ctx.now();
      await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.booking.create', entityType: 'queue_booking', entityId: booking.id, subjectNik: who.nik, details: { code: booking.code, service: t.service.code, day: t.day, time: t.slot.start } }, now);
      await enqueueMessage(tx, ctx.regencyCode, { dedupeKey: `queue-booking:${booking.id}`, channel: 'sms', recipient: who.phone, template: 'queue.booking_confirmed', locale: who.locale, text: confirmationText(booking, t), params: { code: booking.code } });
      await repo.notifyQueue(tx, { r: ctx.regencyCode, p: t.point.id, t: 'quota' });
      return { booking, standing };
    }),
  );
  ctx.wake('outbox-deliver');
  return bookingView(ctx, booking, t.point, t.service, origin, standing);
}

async function bookingView(ctx: AppContext, b: repo.BookingRow, point: Point, service: PointService, origin: string, standing?: NoShowStanding): Promise<BookingView> {
  const settings = await loadPointSettings(ctx, ctx.db, point);
  const start = wibInstant(b.day, b.startTime);
  const ticket = b.ticketId ? await repo.findTicket(ctx.db, ctx.regencyCode, b.ticketId) : null;
  const url = bookingUrl(origin, b.code);
  return {
    code: b.code,
    status: b.status,
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    service: { code: service.code, name: service.name },
    date: b.day,
    time: b.startTime,
    nik: maskNik(b.nik),
    checkInFrom: new Date(start.getTime() - settings.checkIn.earlyMinutes * 60_000).toISOString(),
    lateAfter: noShowAfter(start, settings.checkIn).toISOString(),
    createdAt: b.createdAt.toISOString(),
    ticket: ticket ? { number: ticket.number, token: ticket.token, state: ticket.state } : null,
    checkInUrl: url,
    qrSvg: await qrSvg(url),
    standing: standingView(standing ?? (await noShowStandingQuiet(ctx, b.nik))),
  };
}

async function noShowStandingQuiet(ctx: AppContext, nik: string): Promise<NoShowStanding> {
  const now = ctx.now();
  return noShowStanding(await repo.listNoShowDates(ctx.db, ctx.regencyCode, nik, new Date(now.getTime() - 60 * DAY_MS)), now);
}

async function bookingContext(ctx: AppContext, tx: DbOrTx, b: repo.BookingRow): Promise<{ point: Point; service: PointService }> {
  const point = await repo.findPointById(tx, ctx.regencyCode, b.pointId);
  if (!point) throw NOT_FOUND.booking();
  const service = (await servicesOfPoint(ctx, tx, point)).find((s) => s.id === b.serviceId);
  if (!service) throw NOT_FOUND.booking();
  return { point, service };
}

/** A booking is the citizen's own, or the staff's at its point; anyone else hears "not found". */
function canSee(actor: Actor, b: repo.BookingRow, point: Point): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'citizen') return b.userId === actor.userId;
  try {
    requireQueue(actor, 'queue.booking.read', point);
    return true;
  } catch {
    return false;
  }
}

function codeOf(input: string): string {
  // A scanned QR gives the whole check-in URL; a person types the code.
  const fromUrl = input.match(/\/antrian\/booking\/([A-Za-z0-9-]+)/)?.[1];
  const code = normaliseBookingCode(fromUrl ?? input);
  if (!code) throw new AppError('validation_failed', undefined, [{ field: 'code', message: { id: 'Kode booking terdiri dari 8 huruf/angka.', en: 'A booking code has 8 letters/digits.' } }]);
  return code;
}

export async function getBooking(ctx: AppContext, actor: Actor, codeInput: string, origin: string): Promise<BookingView> {
  const b = await repo.findBookingByCode(ctx.db, ctx.regencyCode, codeOf(codeInput));
  if (!b) throw NOT_FOUND.booking();
  const { point, service } = await bookingContext(ctx, ctx.db, b);
  if (!canSee(actor, b, point)) throw NOT_FOUND.booking();
  return bookingView(ctx, b, point, service, origin);
}

export async function listMyBookings(ctx: AppContext, actor: Actor, origin: string): Promise<BookingView[]> {
  requireQueue(actor, 'queue.book', null);
  if (actor.kind !== 'user') return [];
  const rows = await repo.listBookingsOfUser(ctx.db, ctx.regencyCode, actor.userId, wibDateOf(new Date(ctx.now().getTime() - 7 * DAY_MS)));
  const out: BookingView[] = [];
  for (const b of rows) {
    const { point, service } = await bookingContext(ctx, ctx.db, b);
    out.push(await bookingView(ctx, b, point, service, origin));
  }
  return out;
}

async function lockOwnBooking(ctx: AppContext, tx: DbOrTx, actor: Actor, code: string): Promise<{ b: repo.BookingRow; point: Point; service: PointService }> {
  const b = await repo.findBookingByCode(tx, ctx.regencyCode, code, true);
  if (!b) throw NOT_FOUND.booking();
  const { point, service } = await bookingContext(ctx, tx, b);
  if (!canSee(actor, b, point)) throw NOT_FOUND.booking();
  if (b.status !== 'booked') {
    throw conflict('booking_not_active', `Booking ${b.code} sudah ${statusText(b.status).id}.`, `Booking ${b.code} is already ${statusText(b.status).en}.`, { status: b.status });
  }
  return { b, point, service };
}

function statusText(status: string): LocalText {
  const map: Record<string, LocalText> = {
    checked_in: { id: 'check-in', en: 'checked in' },
    cancelled: { id: 'dibatalkan', en: 'cancelled' },
    no_show: { id: 'hangus (tidak hadir)', en: 'expired (no-show)' },
    rescheduled: { id: 'dipindah jadwalnya', en: 'rescheduled' },
    booked: { id: 'aktif', en: 'active' },
  };
  return map[status] ?? { id: status, en: status };
}

export async function cancelBooking(ctx: AppContext, actor: Actor, codeInput: string, meta: RequestMeta): Promise<void> {
  const code = codeOf(codeInput);
  await retryable(() =>
    ctx.db.transaction(async (tx) => {
      const { b, point } = await lockOwnBooking(ctx, tx, actor, code);
      const now = ctx.now();
      await releasePlaces(ctx, tx, b);
      await repo.updateBooking(tx, ctx.regencyCode, b.id, { status: 'cancelled', cancelledAt: now });
      await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.booking.cancel', entityType: 'queue_booking', entityId: b.id, subjectNik: b.nik, details: { code: b.code } }, now);
      await repo.notifyQueue(tx, { r: ctx.regencyCode, p: point.id, t: 'quota' });
    }),
  );
}

/** Moves a booking to another slot in one transaction: if the new slot is full, the old booking stands. */
export async function rescheduleBooking(ctx: AppContext, actor: Actor, codeInput: string, input: { date: string; time: string; service?: string }, meta: RequestMeta, origin: string): Promise<BookingView> {
  const code = codeOf(codeInput);
  const current = await repo.findBookingByCode(ctx.db, ctx.regencyCode, code);
  if (!current) throw NOT_FOUND.booking();
  const { point, service } = await bookingContext(ctx, ctx.db, current);
  const t = await resolveTarget(ctx, { point: point.code, service: input.service ?? service.code, date: input.date, time: input.time });
  const settings = await loadPointSettings(ctx, ctx.db, point);
  const booking = await retryable(() =>
    ctx.db.transaction(async (tx) => {
      const { b } = await lockOwnBooking(ctx, tx, actor, code);
      if (b.day === t.day && b.startTime === t.slot.start && b.serviceId === t.service.id) throw conflict('same_slot', 'Ini slot yang sama.', 'That is the same slot.');
      await releasePlaces(ctx, tx, b);
      await repo.updateBooking(tx, ctx.regencyCode, b.id, { status: 'rescheduled', cancelledAt: ctx.now() });
      await takePlaces(ctx, tx, t, b.phone, settings.phoneDailyLimit);
      const next = await insertBookingRow(ctx, tx, t, { userId: b.userId ?? (actor as { userId: string }).userId, nik: b.nik, phone: b.phone, locale: b.locale === 'en' ? 'en' : 'id' });
      await repo.updateBooking(tx, ctx.regencyCode, b.id, { rescheduledTo: next.id });
      const now = ctx.now();
      await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.booking.reschedule', entityType: 'queue_booking', entityId: next.id, subjectNik: b.nik, details: { from: b.code, code: next.code, day: t.day, time: t.slot.start } }, now);
      await enqueueMessage(tx, ctx.regencyCode, { dedupeKey: `queue-booking:${next.id}`, channel: 'sms', recipient: b.phone, template: 'queue.booking_confirmed', locale: b.locale === 'en' ? 'en' : 'id', text: confirmationText(next, t), params: { code: next.code } });
      await repo.notifyQueue(tx, { r: ctx.regencyCode, p: t.point.id, t: 'quota' });
      return next;
    }),
  );
  ctx.wake('outbox-deliver');
  return bookingView(ctx, booking, t.point, t.service, origin);
}

// — check-in —

export type CheckInResult = PrintableTicket & { decision: 'appointment' | 'walk_in'; minutesLate: number | null; bookingCode: string };

/**
 * Check-in at the kiosk or the counter, by the booking code or its QR: in the window an appointment
 * ticket (ordered by booked time), late the same day an ordinary walk-in ticket, too early a clear
 * "come back at", another day "expired".
 */
export async function checkIn(ctx: AppContext, issuer: Issuer, pointCode: string, codeInput: string, meta: RequestMeta, origin: string): Promise<CheckInResult> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  if (issuer.kind === 'kiosk') {
    if (issuer.kiosk.pointId !== point.id) throw new AppError('forbidden', { id: 'Kios ini milik titik layanan lain.', en: 'This kiosk belongs to another service point.' });
  } else requireQueue(issuer.actor, 'queue.check_in', point);
  const actor: Actor = issuer.kind === 'actor' ? issuer.actor : { kind: 'anonymous' };
  const code = codeOf(codeInput);
  const settings = await loadPointSettings(ctx, ctx.db, point);
  const out = await ctx.db.transaction(async (tx) => {
    const b = await repo.findBookingByCode(tx, ctx.regencyCode, code, true);
    if (!b || b.pointId !== point.id) throw NOT_FOUND.booking();
    if (b.status === 'checked_in') {
      const ticket = b.ticketId ? await repo.findTicket(tx, ctx.regencyCode, b.ticketId) : null;
      throw conflict('already_checked_in', `Booking ${b.code} sudah check-in${ticket ? ` dengan nomor ${ticket.number}` : ''}.`, `Booking ${b.code} is already checked in${ticket ? ` as ${ticket.number}` : ''}.`, { number: ticket?.number ?? null });
    }
    if (b.status !== 'booked') throw conflict('booking_not_active', `Booking ${b.code} sudah ${statusText(b.status).id}.`, `Booking ${b.code} is already ${statusText(b.status).en}.`, { status: b.status });
    const now = ctx.now();
    const start = wibInstant(b.day, b.startTime);
    const decision = checkInDecision(now, start, endOfWibDay(b.day), settings.checkIn);
    if (decision.kind === 'too_early') {
      throw conflict('too_early', `Terlalu awal. Check-in dibuka ${wib(decision.opensAt)} WIB (${settings.checkIn.earlyMinutes} menit sebelum slot).`, `Too early. Check-in opens at ${decision.opensAt.toISOString()} (${settings.checkIn.earlyMinutes} minutes before the slot).`, { opensAt: decision.opensAt.toISOString() });
    }
    if (decision.kind === 'expired') throw conflict('expired', `Booking ${b.code} untuk tanggal ${b.day} sudah lewat.`, `Booking ${b.code} was for ${b.day} and has expired.`);
    const service = (await servicesOfPoint(ctx, tx, point)).find((s) => s.id === b.serviceId);
    if (!service) throw NOT_FOUND.booking();
    const ticket = await createTicket(ctx, tx, point, service, {
      kind: decision.kind === 'appointment' ? 'appointment' : 'walk_in',
      source: 'check_in',
      priorityGroup: null,
      phone: b.phone,
      locale: b.locale === 'en' ? 'en' : 'id',
      bookingId: b.id,
      bookedAt: decision.kind === 'appointment' ? start : null,
      actor,
      meta,
      auditDetails: { booking: b.code, ...auditDetailsOf(issuer) },
    });
    await repo.updateBooking(tx, ctx.regencyCode, b.id, { status: 'checked_in', checkedInAt: now, ticketId: ticket.id });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.booking.check_in', entityType: 'queue_booking', entityId: b.id, subjectNik: b.nik, details: { code: b.code, ticket: ticket.number, decision: decision.kind, ...auditDetailsOf(issuer) } }, now);
    return { ticket, decision, booking: b };
  });
  const printable = await issuedTicketView(ctx, point, out.ticket, origin);
  return { ...printable, decision: out.decision.kind === 'appointment' ? 'appointment' : 'walk_in', minutesLate: out.decision.kind === 'walk_in' ? out.decision.minutesLate : null, bookingCode: out.booking.code };
}

// — the sweep (background job) —

/**
 * Bookings nobody checked in for by the end of their late window become no-shows; their places
 * go to the day's walk-in quota (when it has one), so a no-show does not leave a chair empty.
 */
export async function sweepMissedBookings(ctx: AppContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const lateCache = new Map<string, number>();
    const points = new Map<string, Point>();
    for (const b of await repo.listBookingPointIds(tx, ctx.regencyCode)) {
      const point = await repo.findPointById(tx, ctx.regencyCode, b);
      if (!point) continue;
      points.set(b, point);
      lateCache.set(b, (await loadPointSettings(ctx, tx, point)).checkIn.lateMinutes);
    }
    const missed = await repo.claimMissedBookings(tx, ctx.regencyCode, ctx.now(), (pointId) => lateCache.get(pointId) ?? 10);
    const today = wibDateOf(ctx.now());
    for (const b of missed) {
      await repo.updateBooking(tx, ctx.regencyCode, b.id, { status: 'no_show', noShowAt: ctx.now() });
      await repo.returnPhoneDay(tx, ctx.regencyCode, b.phone, b.day);
      if (b.day === today) await repo.releasePlaces(tx, ctx.regencyCode, b.pointId, b.serviceId, b.day, 1);
      await recordAudit(tx, ctx.regencyCode, { kind: 'anonymous' }, {}, { action: 'queue.booking.no_show', entityType: 'queue_booking', entityId: b.id, subjectNik: b.nik, details: { code: b.code } }, ctx.now());
      await repo.notifyQueue(tx, { r: ctx.regencyCode, p: b.pointId, t: 'quota' });
    }
    return missed.length;
  });
}

export { isOwnPoint };
