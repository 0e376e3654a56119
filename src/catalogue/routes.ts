import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccess } from '../identity/access.ts';
import type { AppContext } from '../shared/context.ts';
import { metaOf, noStore, SESSION_COOKIE } from '../shared/http.ts';
import { canCatalogue } from './access.ts';
import { CSV_TABLES, exportCsv, importCsv } from './csv.ts';
import {
  closureSchema,
  codeSchema,
  counterCodeSchema,
  createAgencySchema,
  createCounterSchema,
  createPointSchema,
  createServiceSchema,
  documentTypeSchema,
  localDateSchema,
  publishStandardSchema,
  specialDaySchema,
  updateAgencySchema,
  updateCounterSchema,
  updatePointSchema,
  updateServiceSchema,
} from './model.ts';
import { renderStandardPdf } from './pdf.ts';
import { POINT_KINDS } from './schema.ts';
import * as admin from './admin.ts';
import * as service from './service.ts';

// — response shapes (OpenAPI) —
const localText = z.object({ id: z.string(), en: z.string() });
const interval = z.object({ open: z.string(), close: z.string() });
const dayView = z.object({
  date: z.string(),
  weekday: localText,
  pasaran: z.string(),
  javaneseDay: z.string().describe("The weton, e.g. 'Jumat Legi'"),
  marketDay: z.boolean().describe("A market unit's busy pasaran day (longer hours)"),
  hours: z.array(interval).describe('Open intervals in WIB, the Friday prayer break already cut out; empty when closed'),
  note: localText.nullable().describe('Why the day is closed or special (holiday name, special day note)'),
});
const openState = { today: dayView, openNow: z.boolean(), nextOpening: z.string().nullable() };
const agencyView = z.object({
  code: z.string(),
  shortName: z.string(),
  name: localText,
  kind: z.string(),
  phone: z.string().nullable(),
  complaintChannel: localText,
  active: z.boolean(),
  serviceCount: z.number(),
});
const serviceSummary = z.object({
  code: z.string(),
  name: localText,
  summary: localText,
  level: z.string(),
  channels: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  agency: z.object({ code: z.string(), shortName: z.string() }),
  fee: localText,
  free: z.boolean(),
  duration: localText,
  currentVersion: z.number(),
  active: z.boolean(),
  score: z.number().optional().describe('Search relevance (with q)'),
});
const standardView = z.object({
  version: z.number(),
  publishedAt: z.string(),
  changeNote: z.string().nullable(),
  requirements: z.array(
    z.object({ position: z.number(), documentCode: z.string(), document: localText, documentDescription: localText.nullable(), optional: z.boolean(), note: localText.nullable() }),
  ),
  procedure: z.array(localText),
  duration: z.object({ value: z.number(), unit: z.enum(['working_days', 'hours', 'minutes']), text: localText }),
  fee: z.object({ amount: z.number(), variable: z.boolean(), free: z.boolean(), legalBasis: z.string().nullable(), note: localText.nullable(), text: localText }),
  product: localText,
  complaintHandling: localText,
  legalBasis: z.array(z.string()),
  facilities: localText,
  staffCompetence: localText,
  internalSupervision: localText,
  staffCount: z.number(),
  serviceGuarantee: localText,
  securityGuarantee: localText,
  performanceEvaluation: localText,
});
const pointRef = z.object({ code: z.string(), kind: z.string(), name: localText, address: z.string() });
const serviceDetail = z.object({
  code: z.string(),
  name: localText,
  summary: localText,
  level: z.string(),
  channels: z.array(z.string()),
  keywords: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  active: z.boolean(),
  agency: z.object({ code: z.string(), shortName: z.string(), name: localText, phone: z.string().nullable() }),
  currentVersion: z.number(),
  standard: standardView,
  offeredAt: z.array(z.object({ point: pointRef, ...openState, counters: z.array(z.object({ code: z.string(), name: localText })) })),
  smartKampung: z.object({ points: z.number(), openNow: z.number() }).nullable().describe('Village offices (Smart Kampung) offering the service'),
  actions: z.object({ takeTicket: z.boolean(), bookSlot: z.boolean(), applyOnline: z.boolean() }),
  links: z.object({ page: z.string(), pdf: z.string(), versions: z.string() }),
});
const pointSummary = pointRef.extend({ regionCode: z.string().nullable(), serviceCount: z.number(), active: z.boolean(), ...openState });
const serviceRef = z.object({ code: z.string(), name: localText });
const hoursSchema = z.record(z.string(), interval.nullable());
const pointDetail = pointRef.extend({
  regionCode: z.string().nullable(),
  active: z.boolean(),
  weeklyHours: hoursSchema,
  fridayBreak: z.object({ start: z.string(), end: z.string() }).nullable(),
  marketDays: z.object({ pasaran: z.array(z.string()), open: z.string(), close: z.string() }).nullable(),
  ...openState,
  pasaranToday: z.string(),
  week: z.array(dayView),
  upcomingSpecialDays: z.array(z.object({ date: z.string(), closed: z.boolean(), open: z.string().nullable(), close: z.string().nullable(), note: localText })),
  counters: z.array(
    z.object({
      code: z.string(),
      name: localText,
      agency: z.object({ code: z.string(), shortName: z.string() }).nullable(),
      active: z.boolean(),
      allServices: z.boolean(),
      services: z.array(serviceRef),
    }),
  ),
  services: z.array(serviceRef.extend({ agency: z.object({ code: z.string(), shortName: z.string() }) })),
});
const datedName = z.object({ date: z.string(), name: localText });
const rowReport = z.object({
  row: z.number().describe('Spreadsheet row (the header is row 1)'),
  line: z.number().describe('Line of the text file the record starts on'),
  code: z.string().nullable(),
  status: z.enum(['added', 'changed', 'unchanged', 'error']),
  changes: z.array(z.string()),
  newVersion: z.number().optional(),
  errors: z.array(z.object({ column: z.string(), message: localText })),
});
const importReport = z.object({
  table: z.enum(CSV_TABLES),
  dryRun: z.boolean(),
  applied: z.boolean(),
  summary: z.object({ rows: z.number(), added: z.number(), changed: z.number(), unchanged: z.number(), errors: z.number() }),
  rows: z.array(rowReport),
});

/**
 * How a public read may be kept. Asked anonymously, any cache may keep it for `seconds`. Asked with
 * a session cookie or an API token (valid or not), only the asker's own browser may (`private`): a
 * shared cache must never hand what was fetched for a signed-in person to the next one. `Vary:
 * Cookie` says the answer's caching depends on the session; `language` adds Accept-Language where
 * the content itself is written in the asker's language (the PDF; the JSON carries both languages).
 */
function cacheable(request: FastifyRequest, reply: FastifyReply, seconds: number, options: { immutable?: boolean; language?: boolean } = {}): void {
  const signedIn = request.actor.kind !== 'anonymous' || request.cookies[SESSION_COOKIE] !== undefined || request.headers.authorization !== undefined;
  reply.header('cache-control', `${signedIn ? 'private' : 'public'}, max-age=${seconds}${options.immutable ? ', immutable' : ''}`);
  reply.header('vary', options.language ? 'Cookie, Accept-Language' : 'Cookie');
}

const codeParams = z.object({ code: codeSchema });
const PUBLIC = ['catalogue'];
const ADMIN = ['catalogue admin'];
const IMPORT_LIMIT = 10 * 1024 * 1024;

/** The public catalogue (no sign-in) and the MPP admin's editing, CSV transfer included. */
export function catalogueRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    // CSV uploads arrive as text/csv (scoped to this plugin).
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

    // Public reads: cacheable for a minute (opening state moves with the clock).
    const publicCache = (request: FastifyRequest, reply: FastifyReply) => cacheable(request, reply, 60);
    // The MPP admin's lists may ask for inactive records too: never cached, refused to anyone else.
    const inactiveQuery = z.enum(['true', 'false']).optional().describe('MPP admin only: include inactive records (answer not cached)');
    const listCache = (request: FastifyRequest, reply: FastifyReply, inactive: string | undefined) => (inactive === 'true' ? noStore(reply) : publicCache(request, reply));

    app.get(
      '/api/catalogue/agencies',
      { schema: { tags: PUBLIC, summary: 'Agencies (instansi) with their number of services', querystring: z.object({ inactive: inactiveQuery }), response: { 200: z.object({ items: z.array(agencyView) }) } } },
      async (request, reply) => {
        listCache(request, reply, request.query.inactive);
        return { items: await service.listAgencies(ctx, { actor: request.actor, inactive: request.query.inactive === 'true' }) };
      },
    );

    app.get(
      '/api/catalogue/agencies/:code',
      { schema: { tags: PUBLIC, summary: 'An agency and its services', params: codeParams, response: { 200: agencyView.extend({ services: z.array(serviceSummary) }) } } },
      async (request, reply) => {
        publicCache(request, reply);
        return service.getAgency(ctx, request.params.code);
      },
    );

    app.get(
      '/api/catalogue/life-events',
      {
        schema: {
          tags: PUBLIC,
          summary: 'Life events (peristiwa kehidupan) to browse services by',
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: localText, description: localText, serviceCount: z.number() })) }) },
        },
      },
      async (request, reply) => {
        publicCache(request, reply);
        return { items: await service.listLifeEvents(ctx) };
      },
    );

    app.get(
      '/api/catalogue/document-types',
      { schema: { tags: PUBLIC, summary: 'Document types that requirements refer to', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: localText, description: localText.nullable() })) }) } } },
      async (request, reply) => {
        publicCache(request, reply);
        return { items: await service.listDocumentTypes(ctx) };
      },
    );

    app.get(
      '/api/catalogue/services',
      {
        schema: {
          tags: PUBLIC,
          summary: 'Browse or search services',
          description:
            'Without q: every active service matching the filters, by agency and name. With q: a search in Indonesian that forgives typos, missing spaces and everyday words ("ktp hilang", "akte lahir", "bikin sim"), ordered by relevance.',
          querystring: z.object({
            q: z.string().max(200).optional(),
            agency: codeSchema.optional(),
            lifeEvent: codeSchema.optional(),
            point: codeSchema.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(500),
            inactive: inactiveQuery,
          }),
          response: { 200: z.object({ items: z.array(serviceSummary), total: z.number() }) },
        },
      },
      async (request, reply) => {
        listCache(request, reply, request.query.inactive);
        const { inactive, ...query } = request.query;
        return service.listServices(ctx, query, { actor: request.actor, inactive: inactive === 'true' });
      },
    );

    app.get(
      '/api/catalogue/services/:code',
      { schema: { tags: PUBLIC, summary: 'A service: its standard in force, where it is offered, today’s hours and open now', params: codeParams, response: { 200: serviceDetail } } },
      async (request, reply) => {
        publicCache(request, reply);
        return service.getService(ctx, request.params.code);
      },
    );

    app.get(
      '/api/catalogue/services/:code/versions',
      {
        schema: {
          tags: PUBLIC,
          summary: 'Published versions of a service standard, newest first',
          params: codeParams,
          response: { 200: z.object({ code: z.string(), currentVersion: z.number(), items: z.array(z.object({ version: z.number(), publishedAt: z.string(), changeNote: z.string().nullable(), current: z.boolean() })) }) },
        },
      },
      async (request, reply) => {
        publicCache(request, reply);
        return service.listVersions(ctx, request.params.code);
      },
    );

    app.get(
      '/api/catalogue/services/:code/versions/:version',
      {
        schema: {
          tags: PUBLIC,
          summary: 'One version of a service standard (old versions stay readable, unchanged)',
          params: codeParams.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: z.object({ code: z.string(), name: localText, current: z.boolean(), currentVersion: z.number(), standard: standardView }) },
        },
      },
      async (request, reply) => {
        // A published version never changes: cache it for long.
        cacheable(request, reply, 86400, { immutable: true });
        return service.getVersion(ctx, request.params.code, request.params.version);
      },
    );

    app.get(
      '/api/catalogue/services/:code/standard.pdf',
      {
        schema: {
          tags: PUBLIC,
          summary: 'The standard as a printable PDF with a QR code to the service page',
          params: codeParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional(), lang: z.enum(['id', 'en']).optional() }),
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const data = await service.getStandardForPrint(ctx, request.params.code, request.query.version);
        const base = ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`;
        const url = new URL(service.servicePagePath(data.service.code), base).toString();
        const pdf = await renderStandardPdf(data, request.lang, url, ctx.now());
        reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="standar-pelayanan-${data.service.code}-v${data.standard.version}.pdf"`);
        // Written in the asker's language (Accept-Language, ?lang, or the signed-in user's choice).
        cacheable(request, reply, 300, { language: true });
        return reply.send(pdf);
      },
    );

    app.get(
      '/api/catalogue/points',
      {
        schema: {
          tags: PUBLIC,
          summary: 'Service points (MPP, market units, Smart Kampung village offices, online) with today’s hours and open now',
          querystring: z.object({ kind: z.enum(POINT_KINDS).optional(), service: codeSchema.optional(), inactive: inactiveQuery }),
          response: { 200: z.object({ items: z.array(pointSummary) }) },
        },
      },
      async (request, reply) => {
        listCache(request, reply, request.query.inactive);
        const { inactive, ...filter } = request.query;
        return { items: await service.listPoints(ctx, filter, { actor: request.actor, inactive: inactive === 'true' }) };
      },
    );

    app.get(
      '/api/catalogue/points/:code',
      { schema: { tags: PUBLIC, summary: 'A service point: this week’s hours, pasaran, open now, counters and services', params: codeParams, response: { 200: pointDetail } } },
      async (request, reply) => {
        publicCache(request, reply);
        return service.getPoint(ctx, request.params.code);
      },
    );

    app.get(
      '/api/catalogue/calendar',
      {
        schema: {
          tags: PUBLIC,
          summary: 'National holidays, cuti bersama, special closures and special days of a year',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: {
            200: z.object({
              year: z.number(),
              workingDays: z.number(),
              holidays: z.array(datedName),
              cutiBersama: z.array(datedName),
              specialClosures: z.array(datedName),
              specialDays: z.array(
                z.object({ date: z.string(), point: z.object({ code: z.string(), name: localText }), closed: z.boolean(), open: z.string().nullable(), close: z.string().nullable(), note: localText }),
              ),
            }),
          },
        },
      },
      async (request, reply) => {
        publicCache(request, reply);
        return service.getCalendar(ctx, request.query.year ?? Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(ctx.now())));
      },
    );

    // — admin (mpp_admin) —
    const created = z.object({ code: z.string() });
    const none = { 204: z.null() };

    app.post(
      '/api/catalogue/document-types',
      { schema: { tags: ADMIN, summary: 'Add a document type', body: documentTypeSchema, response: { 201: created } } },
      async (request, reply) => {
        await admin.createDocumentType(ctx, request.actor, request.body, metaOf(request));
        reply.status(201);
        return { code: request.body.code };
      },
    );

    app.post(
      '/api/catalogue/agencies',
      { schema: { tags: ADMIN, summary: 'Create an agency (and its place for staff accounts)', body: createAgencySchema, response: { 201: agencyView } } },
      async (request, reply) => {
        reply.status(201);
        return admin.createAgency(ctx, request.actor, request.body, metaOf(request));
      },
    );

    app.patch(
      '/api/catalogue/agencies/:code',
      { schema: { tags: ADMIN, summary: 'Edit an agency', params: codeParams, body: updateAgencySchema, response: none } },
      async (request, reply) => {
        await admin.updateAgency(ctx, request.actor, request.params.code, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.post(
      '/api/catalogue/services',
      { schema: { tags: ADMIN, summary: 'Create a service with version 1 of its standard', body: createServiceSchema, response: { 201: z.object({ code: z.string(), version: z.number() }) } } },
      async (request, reply) => {
        reply.status(201);
        return admin.createService(ctx, request.actor, request.body, metaOf(request));
      },
    );

    app.patch(
      '/api/catalogue/services/:code',
      { schema: { tags: ADMIN, summary: 'Edit a service’s names, keywords, channels, life events, agency or active flag (not its standard)', params: codeParams, body: updateServiceSchema, response: none } },
      async (request, reply) => {
        await admin.updateService(ctx, request.actor, request.params.code, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.put(
      '/api/catalogue/services/:code/standard',
      {
        schema: {
          tags: ADMIN,
          summary: 'Publish a new version of the standard',
          description: 'expectedVersion is the version the editor started from; if another version was published since, the answer is 409 and nothing is saved. An unchanged standard publishes nothing (200, published: false).',
          params: codeParams,
          body: publishStandardSchema,
          response: { 200: z.object({ version: z.number(), published: z.boolean(), changed: z.array(z.string()) }), 201: z.object({ version: z.number(), published: z.boolean(), changed: z.array(z.string()) }) },
        },
      },
      async (request, reply) => {
        const result = await admin.publishStandard(ctx, request.actor, request.params.code, request.body, metaOf(request));
        reply.status(result.published ? 201 : 200);
        return result;
      },
    );

    app.post(
      '/api/catalogue/points',
      { schema: { tags: ADMIN, summary: 'Create a service point with the services it offers', body: createPointSchema, response: { 201: created } } },
      async (request, reply) => {
        await admin.createPoint(ctx, request.actor, request.body, metaOf(request));
        reply.status(201);
        return { code: request.body.code };
      },
    );

    app.patch(
      '/api/catalogue/points/:code',
      { schema: { tags: ADMIN, summary: 'Edit a point: hours, Friday break, market days, services offered', params: codeParams, body: updatePointSchema, response: none } },
      async (request, reply) => {
        await admin.updatePoint(ctx, request.actor, request.params.code, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );

    const counterBody = { allServices: z.boolean().optional().describe('A single desk handling every service of its point') };
    app.post(
      '/api/catalogue/points/:code/counters',
      { schema: { tags: ADMIN, summary: 'Add a counter (loket/gerai) with the services it handles', params: codeParams, body: createCounterSchema.extend(counterBody), response: { 201: created } } },
      async (request, reply) => {
        await admin.createCounter(ctx, request.actor, request.params.code, request.body, metaOf(request));
        reply.status(201);
        return { code: request.body.code };
      },
    );

    app.patch(
      '/api/catalogue/points/:code/counters/:counter',
      {
        schema: { tags: ADMIN, summary: 'Edit a counter', params: codeParams.extend({ counter: counterCodeSchema }), body: updateCounterSchema.extend(counterBody), response: none },
      },
      async (request, reply) => {
        await admin.updateCounter(ctx, request.actor, request.params.code, request.params.counter, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.put(
      '/api/catalogue/points/:code/special-days/:date',
      { schema: { tags: ADMIN, summary: 'Set a point’s own hours for a day, or close it', params: codeParams.extend({ date: localDateSchema }), body: specialDaySchema, response: none } },
      async (request, reply) => {
        await admin.putSpecialDay(ctx, request.actor, request.params.code, request.params.date, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/catalogue/points/:code/special-days/:date',
      { schema: { tags: ADMIN, summary: 'Remove a special day', params: codeParams.extend({ date: localDateSchema }), response: none } },
      async (request, reply) => {
        await admin.deleteSpecialDay(ctx, request.actor, request.params.code, request.params.date, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.put(
      '/api/catalogue/closures/:date',
      {
        schema: {
          tags: ADMIN,
          summary: 'Enter a cuti bersama day or a special closure of every office',
          params: z.object({ date: localDateSchema }),
          body: closureSchema.omit({ date: true }),
          response: { 200: z.object({ created: z.boolean() }), 201: z.object({ created: z.boolean() }) },
        },
      },
      async (request, reply) => {
        const result = await admin.putClosure(ctx, request.actor, { ...request.body, date: request.params.date }, metaOf(request));
        reply.status(result.created ? 201 : 200);
        return result;
      },
    );

    app.delete(
      '/api/catalogue/closures/:date',
      { schema: { tags: ADMIN, summary: 'Remove a closure', params: z.object({ date: localDateSchema }), response: none } },
      async (request, reply) => {
        await admin.deleteClosure(ctx, request.actor, request.params.date, metaOf(request));
        reply.status(204).send(null);
      },
    );

    app.get(
      '/api/catalogue/export/:table',
      {
        schema: {
          tags: ADMIN,
          summary: 'Export the catalogue as CSV: document-types, agencies or services (with their standards in force)',
          params: z.object({ table: z.enum(CSV_TABLES) }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        requireAccess(request.actor, canCatalogue(request.actor, 'catalogue.transfer'));
        noStore(reply);
        const csv = await exportCsv(ctx.db, ctx.regencyCode, request.params.table);
        reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="katalog-${request.params.table}.csv"`);
        return reply.send(`\uFEFF${csv}`);
      },
    );

    app.post(
      '/api/catalogue/import/:table',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags: ADMIN,
          summary: 'Import a catalogue CSV (text/csv): dry run by default',
          description:
            'Load order: document-types, agencies, services. With apply=false (default) the answer lists, per row, added / changed / unchanged / error, and nothing is written. With apply=true every row is written in one transaction — or, if any row has an error, nothing is (400 listing the rows).',
          params: z.object({ table: z.enum(CSV_TABLES) }),
          querystring: z.object({ apply: z.enum(['true', 'false']).default('false') }),
          body: z.string().max(IMPORT_LIMIT),
          consumes: ['text/csv'],
          response: { 200: importReport },
        },
      },
      async (request, reply) => {
        requireAccess(request.actor, canCatalogue(request.actor, 'catalogue.transfer'));
        noStore(reply);
        return importCsv(ctx, request.actor, request.params.table, request.body, request.query.apply !== 'true', metaOf(request));
      },
    );

  };
}
