import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { metaOf, noStore } from '../shared/http.ts';
import { bilingual } from '../shared/validation.ts';
import * as bookings from './booking-service.ts';
import * as kpi from './kpi-service.ts';
import { QueueHub } from './live.ts';
import { findPoint } from './points.ts';
import * as settings from './settings-service.ts';
import * as service from './service.ts';

// — shapes (OpenAPI) —
const localText = z.object({ id: z.string(), en: z.string() });
const pointRef = z.object({ code: z.string(), name: localText });
const estimate = z.union([z.object({ kind: z.literal('estimate'), minutes: z.number(), low: z.number(), high: z.number() }), z.object({ kind: z.literal('no_counter') })]);
const ticketView = z.object({
  id: z.string(),
  number: z.string().describe('A001 …, per queue, a fresh sequence each WIB day'),
  service: z.object({ code: z.string(), name: localText }),
  queue: z.string().describe('The queue (counter prefix) the number belongs to'),
  kind: z.enum(['walk_in', 'appointment']),
  priorityGroup: z.string().nullable(),
  state: z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'walked_out']),
  held: z.boolean().describe('Parked: waiting, held for the counter that parked it'),
  counter: z.string().nullable(),
  arrivedAt: z.string(),
  bookedAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  servingAt: z.string().nullable(),
  callCount: z.number(),
});
const printable = z.object({
  ticket: ticketView,
  point: pointRef,
  ahead: z.number(),
  estimate,
  liveUrl: z.string().describe('The live ticket page; the QR encodes it'),
  qrSvg: z.string(),
  issuedAt: z.string(),
});
const speech = localText.describe('What the board says, numbers in words');
const callResult = z.object({ ticket: ticketView.nullable(), announcement: speech.nullable(), pick: z.string().nullable().describe('How the ticket was chosen: overdue, appointment, priority, normal, early_appointment, specific') });
const standing = z.union([
  z.object({ kind: z.literal('clear') }),
  z.object({ kind: z.literal('warning'), count: z.number(), remaining: z.number() }),
  z.object({ kind: z.literal('blocked'), count: z.number(), until: z.string() }),
]);
const bookingView = z.object({
  code: z.string(),
  status: z.string(),
  point: pointRef,
  service: z.object({ code: z.string(), name: localText }),
  date: z.string(),
  time: z.string(),
  nik: z.string().describe('Masked'),
  checkInFrom: z.string(),
  lateAfter: z.string(),
  createdAt: z.string(),
  ticket: z.object({ number: z.string(), token: z.string(), state: z.string() }).nullable(),
  checkInUrl: z.string(),
  qrSvg: z.string(),
  standing,
});
/** A whole number in a range, with the range in the message (the admin form shows it next to the field). */
const whole = (min: number, max: number) =>
  z
    .number(bilingual('Isi dengan bilangan bulat', 'Enter a whole number'))
    .int(bilingual('Isi dengan bilangan bulat', 'Enter a whole number'))
    .min(min, bilingual(`Isi bilangan bulat dari ${min} sampai ${max}`, `Enter a whole number from ${min} to ${max}`))
    .max(max, bilingual(`Isi bilangan bulat dari ${min} sampai ${max}`, `Enter a whole number from ${min} to ${max}`));
const priorityGroup = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, bilingual('Kode: huruf kecil, angka, garis bawah', 'Code: lower-case letters, digits, underscores')),
  label: z.object({ id: z.string().trim().min(1, bilingual('Nama wajib diisi', 'Name is required')).max(80), en: z.string().trim().min(1, bilingual('Nama wajib diisi', 'Name is required')).max(80) }),
  weight: whole(1, 100),
});
const pointSettings = z.object({
  policy: z.object({
    groups: z.array(priorityGroup).max(12),
    mix: z.object({ priority: whole(0, 20), normal: whole(0, 20) }),
    maxWaitMinutes: whole(5, 480),
  }),
  targetWaitMinutes: whole(1, 480),
  checkIn: z.object({ earlyMinutes: whole(0, 240), lateMinutes: whole(0, 120) }),
  near: z.object({ ahead: whole(0, 50), minutes: whole(0, 240) }),
  phoneDailyLimit: whole(1, 20),
  defaultServiceMinutes: whole(1, 480),
  counterWord: z.enum(['loket', 'gerai', 'meja', 'ruang']),
  runningText: z.object({ id: z.string().max(1000), en: z.string().max(1000) }),
});
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('Jam berformat JJ:MM', 'Time as HH:MM'));
const serviceSettings = z.object({
  bookingEnabled: z.boolean(),
  slotMinutes: whole(5, 240),
  slotCapacity: whole(1, 1000).describe('The occupancy limit: citizens per slot'),
  onlineDailyQuota: whole(0, 100_000).nullable(),
  walkInDailyQuota: whole(0, 100_000).nullable(),
  opening: z.object({ daysBefore: whole(0, 90), at: hhmm }),
  closingMarginMinutes: whole(0, 240),
});
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Tanggal berformat TTTT-BB-HH', 'Date as YYYY-MM-DD'));
const code = z.string().trim().min(1).max(80);
const any = z.looseObject({});

function originOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

export function queueRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const hub = new QueueHub(ctx.database, ctx.log);
    // Open event streams would hold a shutting-down server open: end them first.
    const streams = new Set<import('node:http').ServerResponse>();
    app.addHook('preClose', async () => {
      for (const res of streams) res.end();
      streams.clear();
    });
    app.addHook('onClose', async () => hub.close());

    /** A paired kiosk (X-Kiosk-Token) or the signed-in person. */
    const issuerOf = async (request: FastifyRequest): Promise<service.Issuer> => {
      const token = request.headers['x-kiosk-token'];
      if (typeof token === 'string' && token) return { kind: 'kiosk', kiosk: await service.resolveKiosk(ctx, token) };
      return { kind: 'actor', actor: request.actor };
    };

    // — public —

    app.get(
      '/api/queue/points/:point/board',
      { schema: { tags: ['queue'], summary: 'Display board: current number per counter, last calls (with speech), running text', params: z.object({ point: code }), response: { 200: any } } },
      async (request, reply) => {
        noStore(reply);
        return service.getBoard(ctx, request.params.point);
      },
    );

    app.get(
      '/api/queue/points/:point/events',
      {
        schema: {
          tags: ['queue'],
          summary: 'Server-Sent Events for a point: one event per change (call, recall, ticket, counter, quota …), fanned out through PostgreSQL LISTEN/NOTIFY',
          params: z.object({ point: code }),
        },
      },
      async (request, reply) => {
        const point = await findPoint(ctx, ctx.db, request.params.point);
        const res = reply.raw;
        // Subscribe first: if the LISTEN connection cannot be opened, this is still an ordinary error response.
        // Events reach the callback on a later tick, after the headers below are written.
        const unsubscribe = await hub.subscribe(point.id, (event) => {
          res.write(`event: ${event.t === 'resync' ? 'resync' : 'queue'}\ndata: ${JSON.stringify({ type: event.t, number: event.n ?? null })}\n\n`);
        });
        reply.hijack();
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        res.write('retry: 3000\n\n');
        res.write(`event: hello\ndata: ${JSON.stringify({ point: point.code, at: ctx.now().toISOString() })}\n\n`);
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
        heartbeat.unref();
        streams.add(res);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          streams.delete(res);
          unsubscribe();
        });
      },
    );

    app.get(
      '/api/queue/points/:point/availability',
      { schema: { tags: ['queue'], summary: "The day's online and walk-in quotas per service, live", params: z.object({ point: code }), querystring: z.object({ date: date.optional() }), response: { 200: any } } },
      async (request, reply) => {
        noStore(reply);
        return bookings.getAvailability(ctx, request.params.point, request.query.date);
      },
    );

    app.get(
      '/api/queue/points/:point/services/:service/slots',
      { schema: { tags: ['queue'], summary: 'Bookable slots of a day with capacity and places left', params: z.object({ point: code, service: code }), querystring: z.object({ date }), response: { 200: any } } },
      async (request, reply) => {
        noStore(reply);
        return bookings.listSlots(ctx, request.params.point, request.params.service, request.query.date);
      },
    );

    app.get(
      '/api/queue/live/:token',
      { schema: { tags: ['queue'], summary: "The citizen's live ticket: state, position, estimated wait (no personal data)", params: z.object({ token: z.string().max(64) }), response: { 200: any } } },
      async (request, reply) => {
        noStore(reply);
        return service.getLiveTicket(ctx, request.params.token);
      },
    );

    app.post(
      '/api/queue/live/:token/cancel',
      { schema: { tags: ['queue'], summary: 'Give up a waiting ticket from the live page', params: z.object({ token: z.string().max(64) }), response: { 204: z.null() } } },
      async (request, reply) => {
        await service.cancelLiveTicket(ctx, request.params.token, metaOf(request));
        reply.status(204).send(null);
      },
    );

    // — kiosk or counter —

    app.get('/api/queue/kiosk', { schema: { tags: ['queue'], summary: 'A paired kiosk: its point, services with walk-in places left, priority groups (X-Kiosk-Token)', response: { 200: any } } }, async (request, reply) => {
      noStore(reply);
      const token = request.headers['x-kiosk-token'];
      return settings.kioskHome(ctx, await service.resolveKiosk(ctx, typeof token === 'string' ? token : ''));
    });

    app.post(
      '/api/queue/points/:point/tickets',
      {
        schema: {
          tags: ['queue'],
          summary: 'Walk-in ticket (kiosk with X-Kiosk-Token, or counter staff of the point): printable data with the QR of the live page',
          params: z.object({ point: code }),
          body: z.object({ service: code, priorityGroup: z.string().max(40).nullable().optional(), phone: z.string().max(30).nullable().optional(), locale: z.enum(['id', 'en']).optional() }),
          response: { 201: printable },
        },
      },
      async (request, reply) => {
        const ticket = await service.issueTicket(ctx, await issuerOf(request), request.params.point, request.body, metaOf(request), originOf(ctx, request));
        reply.status(201);
        return ticket;
      },
    );

    app.post(
      '/api/queue/points/:point/check-in',
      {
        schema: {
          tags: ['queue'],
          summary: 'Check a booking in by its code or scanned QR: in the window an appointment ticket, late a walk-in ticket',
          params: z.object({ point: code }),
          body: z.object({ code: z.string().trim().min(1).max(300) }),
          response: { 201: printable.extend({ decision: z.enum(['appointment', 'walk_in']), minutesLate: z.number().nullable(), bookingCode: z.string() }) },
        },
      },
      async (request, reply) => {
        const result = await bookings.checkIn(ctx, await issuerOf(request), request.params.point, request.body.code, metaOf(request), originOf(ctx, request));
        reply.status(201);
        return result;
      },
    );

    // — citizen bookings —

    app.post(
      '/api/queue/bookings',
      {
        schema: {
          tags: ['queue'],
          summary: 'Book a slot (citizen). 409 with reason slot_full, quota_full, phone_limit, already_booked or quota_not_open',
          body: z.object({ point: code, service: code, date, time: hhmm }),
          response: { 201: bookingView },
        },
      },
      async (request, reply) => {
        const booking = await bookings.bookSlot(ctx, request.actor, request.body, metaOf(request), originOf(ctx, request));
        reply.status(201);
        return booking;
      },
    );

    app.get('/api/queue/bookings', { schema: { tags: ['queue'], summary: "The citizen's bookings (from a week ago)", response: { 200: z.object({ items: z.array(bookingView) }) } } }, async (request, reply) => {
      noStore(reply);
      return { items: await bookings.listMyBookings(ctx, request.actor, originOf(ctx, request)) };
    });

    app.get(
      '/api/queue/bookings/:code',
      { schema: { tags: ['queue'], summary: 'A booking: its owner, or staff of its point', params: z.object({ code: z.string().max(40) }), response: { 200: bookingView } } },
      async (request, reply) => {
        noStore(reply);
        return bookings.getBooking(ctx, request.actor, request.params.code, originOf(ctx, request));
      },
    );

    app.post(
      '/api/queue/bookings/:code/cancel',
      { schema: { tags: ['queue'], summary: 'Cancel a booking: its place returns to the slot at once', params: z.object({ code: z.string().max(40) }), response: { 204: z.null() } } },
      async (request, reply) => {
        await bookings.cancelBooking(ctx, request.actor, request.params.code, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.post(
      '/api/queue/bookings/:code/reschedule',
      {
        schema: {
          tags: ['queue'],
          summary: 'Move a booking to another slot (one transaction: if the new slot is full, the old booking stands)',
          params: z.object({ code: z.string().max(40) }),
          body: z.object({ date, time: hhmm, service: code.optional() }),
          response: { 201: bookingView },
        },
      },
      async (request, reply) => {
        const booking = await bookings.rescheduleBooking(ctx, request.actor, request.params.code, request.body, metaOf(request), originOf(ctx, request));
        reply.status(201);
        return booking;
      },
    );

    // — counter console —

    app.get('/api/queue/console', { schema: { tags: ['queue-console'], summary: "The officer's counter, current ticket, line and parked tickets", response: { 200: any } } }, async (request, reply) => {
      noStore(reply);
      return service.getConsole(ctx, request.actor);
    });

    app.get(
      '/api/queue/points/:point/counters',
      { schema: { tags: ['queue-console'], summary: 'Counters of a point for signing in: free or taken, by whom', params: z.object({ point: code }), response: { 200: any } } },
      async (request, reply) => {
        noStore(reply);
        return service.listCountersForSignIn(ctx, request.actor, request.params.point);
      },
    );

    app.post(
      '/api/queue/console/sign-in',
      { schema: { tags: ['queue-console'], summary: 'Sign in to a counter (one officer per counter)', body: z.object({ point: code, counter: z.string().trim().min(1).max(3) }), response: { 200: any } } },
      async (request) => service.signInToCounter(ctx, request.actor, request.body.point, request.body.counter, metaOf(request)),
    );
    app.post('/api/queue/console/sign-out', { schema: { tags: ['queue-console'], summary: 'Close the counter: called tickets go back to the line', response: { 204: z.null() } } }, async (request, reply) => {
      await service.signOutOfCounter(ctx, request.actor, metaOf(request));
      reply.status(204).send(null);
    });
    app.post('/api/queue/console/pause', { schema: { tags: ['queue-console'], summary: 'Pause the counter (no calls)', response: { 200: any } } }, async (request) =>
      service.setCounterPaused(ctx, request.actor, true, metaOf(request)),
    );
    app.post('/api/queue/console/resume', { schema: { tags: ['queue-console'], summary: 'Resume the paused counter', response: { 200: any } } }, async (request) =>
      service.setCounterPaused(ctx, request.actor, false, metaOf(request)),
    );
    app.post('/api/queue/console/call-next', { schema: { tags: ['queue-console'], summary: 'Call the next ticket by the ordering rule (README "Queue ordering")', response: { 200: callResult } } }, async (request) =>
      service.callNext(ctx, request.actor, metaOf(request)),
    );

    const reason = z.string().trim().min(3, bilingual('Tulis alasannya (min. 3 karakter)', 'Give the reason (min 3 characters)')).max(300);
    const services = z.array(code).max(20).default([]);
    const actions = {
      call: { summary: 'Call a specific ticket out of order, with the reason logged', body: z.object({ reason }) },
      recall: { summary: 'Call the number again', body: z.object({}).default({}) },
      start: { summary: 'The citizen is at the counter: start serving', body: z.object({}).default({}) },
      'no-show': { summary: 'Mark a called ticket a no-show (confirm: true)', body: z.object({ confirm: z.boolean() }) },
      park: { summary: 'Set the ticket aside (citizen fetches a document); only this counter resumes it', body: z.object({ reason: z.string().trim().max(300).nullable().optional() }).default({}) },
      resume: { summary: 'Serve a parked ticket again', body: z.object({}).default({}) },
      return: { summary: 'Put a called ticket back into the line', body: z.object({}).default({}) },
      'walk-out': { summary: 'The citizen left without being served', body: z.object({}).default({}) },
      reinstate: { summary: 'A no-show turned up after all (same day): back into the line', body: z.object({}).default({}) },
      finish: { summary: 'Finish with the services actually delivered', body: z.object({ services }) },
      redirect: { summary: 'After finishing, send the citizen to a second service (keeps the number)', body: z.object({ services, to: code }) },
      transfer: {
        summary: 'Move the ticket to another queue, a specific counter, or another service',
        body: z.object({ queue: z.string().max(3).nullable().optional(), counter: z.string().max(3).nullable().optional(), service: code.nullable().optional(), reason: z.string().trim().max(300).nullable().optional() }),
      },
    } as const;
    for (const [path, def] of Object.entries(actions)) {
      const action = path.replace('-', '_') as service.TicketAction['action'];
      app.post(
        `/api/queue/tickets/:id/${path}`,
        { schema: { tags: ['queue-console'], summary: def.summary, params: z.object({ id: z.uuid() }), body: def.body, response: { 200: callResult } } },
        async (request) => service.actOnTicket(ctx, request.actor, request.params.id, { action, ...(request.body as object) } as service.TicketAction, metaOf(request)),
      );
    }

    app.get(
      '/api/queue/tickets/:id/history',
      { schema: { tags: ['queue-console'], summary: 'Every transition of a ticket: time, counter, officer, reason', params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(any) }) } } },
      async (request) => ({ items: await service.ticketHistory(ctx, request.actor, request.params.id) }),
    );

    // — admin —

    app.get(
      '/api/queue/settings/points',
      {
        schema: {
          tags: ['queue-admin'],
          summary: 'Service points whose queue settings an MPP admin could open; manageable: the admin is bound to it',
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), kind: z.string(), name: localText, manageable: z.boolean() })) }) },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return settings.listSettingsPoints(ctx, request.actor);
      },
    );
    app.get('/api/queue/points/:point/settings', { schema: { tags: ['queue-admin'], summary: 'Queue settings of a point: the policy, every offered service with its settings (configured or defaults) and queue, the kiosks', params: z.object({ point: code }), response: { 200: any } } }, async (request, reply) => {
      noStore(reply);
      return settings.getSettings(ctx, request.actor, request.params.point);
    });
    app.put(
      '/api/queue/points/:point/settings',
      { schema: { tags: ['queue-admin'], summary: 'Ordering policy (priority groups, mix, maximum wait), check-in windows, messages, display', params: z.object({ point: code }), body: pointSettings, response: { 200: any } } },
      async (request) => settings.putPointSettings(ctx, request.actor, request.params.point, request.body, metaOf(request)),
    );
    app.put(
      '/api/queue/points/:point/services/:service/settings',
      { schema: { tags: ['queue-admin'], summary: 'Slots, capacity, online and walk-in quotas, quota opening time of a service', params: z.object({ point: code, service: code }), body: serviceSettings, response: { 200: any } } },
      async (request) => settings.putServiceSettings(ctx, request.actor, request.params.point, request.params.service, request.body, metaOf(request)),
    );
    app.post(
      '/api/queue/points/:point/kiosks',
      { schema: { tags: ['queue-admin'], summary: 'Pair a kiosk device; the token is shown once', params: z.object({ point: code }), body: z.object({ name: z.string().trim().min(2).max(80) }), response: { 201: z.object({ id: z.string(), token: z.string() }) } } },
      async (request, reply) => {
        const paired = await settings.pairKiosk(ctx, request.actor, request.params.point, request.body.name, metaOf(request));
        reply.status(201);
        noStore(reply);
        return paired;
      },
    );
    app.delete(
      '/api/queue/points/:point/kiosks/:id',
      { schema: { tags: ['queue-admin'], summary: 'Revoke a kiosk', params: z.object({ point: code, id: z.uuid() }), response: { 204: z.null() } } },
      async (request, reply) => {
        await settings.revokeKiosk(ctx, request.actor, request.params.point, request.params.id, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.get(
      '/api/queue/points/:point/kpis',
      {
        schema: {
          tags: ['queue-admin'],
          summary: 'Queue KPIs by day and point, service, counter or officer (format=csv for a spreadsheet)',
          params: z.object({ point: code }),
          querystring: z.object({ from: date.optional(), to: date.optional(), by: z.enum(['point', 'service', 'counter', 'officer']).default('point'), format: z.enum(['json', 'csv']).default('json') }),
        },
      },
      async (request, reply) => {
        noStore(reply);
        const result = await kpi.getKpis(ctx, request.actor, request.params.point, request.query, request.lang);
        if (request.query.format === 'csv') {
          reply.header('content-disposition', `attachment; filename="kpi-antrian-${result.point.code}-${result.by}-${result.from}-${result.to}.csv"`);
          return reply.type('text/csv; charset=utf-8').send(kpi.kpiCsv(result, request.lang));
        }
        return result;
      },
    );
  };
}
