import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { metaOf, noStore, requireUser } from '../shared/http.ts';
import { bilingual } from '../shared/validation.ts';
import {
  actionBody,
  applicationView,
  createBody,
  deliveryView,
  documentSchema,
  filingServicesQuery,
  filingServicesResponse,
  idempotencyHeader,
  integrationView,
  listQuery,
  listResponse,
  numberParam,
  patchBody,
  productCheck,
  publicTracking,
} from './model.ts';
import { links } from './notify.ts';
import { receiptPdf, verificationSheetPdf } from './pdf.ts';
import * as figures from './figures-service.ts';
import * as service from './service.ts';
import * as tracking from './tracking.ts';
import * as webhooks from './webhooks.ts';

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string() }).loose();
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const fileErrors = { ...errors, 413: problem, 415: problem };
const pdfResponse = z.any().describe('application/pdf');
const MULTIPART = 'multipart/form-data with one file field named `file` (PDF, JPEG or PNG, judged by content; at most UPLOAD_MAX_BYTES)';

/** The one file of a multipart request, whole, with a flag when it was cut at the size limit. */
async function readUpload(request: FastifyRequest): Promise<service.UploadedFile> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { id: 'Kirim berkas sebagai multipart/form-data.', en: 'Send the file as multipart/form-data.' });
  const part = await request.file();
  if (!part) throw new AppError('validation_failed', undefined, [{ field: 'file', message: { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' } }]);
  const bytes = await part.toBuffer();
  return { bytes, filename: part.filename ?? null, truncated: part.file.truncated };
}

function sendFile(reply: FastifyReply, file: { bytes: Buffer; mediaType: string; filename: string }, inline: boolean) {
  noStore(reply);
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    // An uploaded file opened in the browser must not run anything.
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .send(file.bytes);
}

export function applicationRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    await fastify.register(multipart, { limits: { fileSize: ctx.config.UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 }, throwFileSizeLimit: false });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['applications'];

    // — filing and reading (people with a session; agency systems may read too) —

    app.get('/api/applications', { schema: { tags, summary: 'Applications: the inbox of your places, or your own (citizen)', querystring: listQuery, response: { 200: listResponse, ...errors } } }, async (request, reply) => {
      noStore(reply);
      return service.listApplications(ctx, request.actor, request.query, metaOf(request));
    });

    // — SLA compliance figures (counts only; leader, MPP admin, an agency's own staff) —

    const slaMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('Bulan berformat TTTT-BB', 'Month is YYYY-MM'));
    const slaQuery = z.object({ from: slaMonth.optional().describe('First month (YYYY-MM); default five months before `to`'), to: slaMonth.optional().describe('Last month (YYYY-MM); default this month'), lang: z.enum(['id', 'en']).optional().describe('Language of the CSV headers and names') });
    const n = z.number().nullable();
    const slaCell = z.object({ filed: z.number(), finished: z.number(), finishedOnTime: z.number(), finishedLate: z.number(), rejected: z.number(), sentBack: z.number(), openLate: z.number(), openWithinSla: z.number(), onTimePercent: n, medianWorkingDays: n, averageWorkingDays: n });
    const slaSeries = { months: z.array(slaCell.extend({ month: z.string() })), all: slaCell.describe('The whole range: flows summed, open counts at the end of the last month') };
    const slaName = z.object({ id: z.string(), en: z.string() });
    const slaFigures = z.object({
      from: z.string(),
      to: z.string(),
      months: z.array(z.string()),
      scope: z.enum(['regency', 'agencies']),
      total: z.object(slaSeries),
      agencies: z.array(z.object({ id: z.string(), code: z.string(), shortName: z.string(), name: slaName, ...slaSeries, services: z.array(z.object({ id: z.string(), code: z.string(), name: slaName, ...slaSeries })) })),
    });
    app.get(
      '/api/applications/figures/sla',
      { schema: { tags, summary: 'SLA compliance per agency, service and month: filed, finished on time or late, working days to finish, open late, rejected, sent back', querystring: slaQuery, response: { 200: slaFigures, ...errors } } },
      async (request, reply) => {
        noStore(reply);
        return figures.slaFigures(ctx, requireUser(request), request.query);
      },
    );
    app.get(
      '/api/applications/figures/sla.csv',
      { schema: { tags, summary: 'The SLA compliance figures as CSV (a row per level, agency, service and month)', querystring: slaQuery, produces: ['text/csv'], response: { 200: z.string().describe('text/csv'), ...errors } } },
      async (request, reply) => {
        noStore(reply);
        const result = await figures.slaFigures(ctx, requireUser(request), request.query);
        reply.header('content-disposition', `attachment; filename="kepatuhan-sla-${result.from}-${result.to}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(figures.slaFiguresCsv(result, request.lang));
      },
    );

    app.post(
      '/api/applications',
      {
        schema: {
          tags,
          summary: 'Start an application (a draft) under the service’s standard in force',
          description: 'Citizens file for themselves online; counter officers and village operators file on someone’s behalf. Send an Idempotency-Key: a retry — even concurrent ones — returns the same application (200) instead of creating another.',
          headers: idempotencyHeader,
          body: createBody,
          response: { 200: applicationView, 201: applicationView, ...errors },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const { view, replayed } = await service.createApplication(ctx, request.actor, request.body, typeof key === 'string' ? key : null, metaOf(request));
        noStore(reply);
        reply.status(replayed ? 200 : 201).header('location', view.links.self);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return view;
      },
    );

    app.get(
      '/api/applications/filing/services',
      {
        schema: {
          tags,
          summary: 'Services you can file for a resident here (counter officer, village operator)',
          description: 'The services your service point offers — a village operator’s Smart Kampung point: village letters and the regency services filed through villages — that your channel may file. With q: the catalogue search, by relevance.',
          querystring: filingServicesQuery,
          response: { 200: filingServicesResponse, ...errors },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return service.listFilingServices(ctx, request.actor, request.query);
      },
    );

    app.get('/api/applications/:number', { schema: { tags, summary: 'One application with its documents, SLA and timeline', params: numberParam, response: { 200: applicationView, ...errors } } }, async (request, reply) => {
      noStore(reply);
      return service.getApplication(ctx, request.actor, request.params.number, metaOf(request));
    });

    app.patch('/api/applications/:number', { schema: { tags, summary: 'Save answers of a draft (save and resume)', params: numberParam, body: patchBody, response: { 200: applicationView, ...errors } } }, async (request, reply) => {
      noStore(reply);
      return service.updateDraft(ctx, request.actor, request.params.number, request.body, metaOf(request));
    });

    app.put(
      '/api/applications/:number/documents/:documentCode',
      {
        schema: {
          tags,
          summary: 'Upload the document for one requirement (replaces the previous one)',
          description: MULTIPART,
          consumes: ['multipart/form-data'],
          params: numberParam.extend({ documentCode: z.string().min(1).max(80) }),
          response: { 200: documentSchema, ...fileErrors },
        },
      },
      async (request) => service.uploadDocument(ctx, request.actor, request.params.number, request.params.documentCode, await readUpload(request), metaOf(request)),
    );

    app.get(
      '/api/applications/:number/documents/:documentId',
      { schema: { tags, summary: 'Open an uploaded document (audited)', params: numberParam.extend({ documentId: z.uuid() }), querystring: z.object({ download: z.string().optional() }), response: errors } },
      async (request, reply) => {
        const file = await service.readDocument(ctx, request.actor, request.params.number, request.params.documentId, metaOf(request));
        sendFile(reply, file, request.query.download === undefined);
      },
    );

    app.post(
      '/api/applications/:number/submit',
      { schema: { tags, summary: 'Submit a draft, or resubmit after correction (a retry returns the application as it is)', params: numberParam, headers: idempotencyHeader, response: { 200: applicationView, ...errors } } },
      async (request, reply) => {
        const { view, replayed } = await service.submit(ctx, request.actor, request.params.number, metaOf(request));
        noStore(reply);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return view;
      },
    );

    app.post(
      '/api/applications/:number/actions',
      { schema: { tags, summary: 'Move the application through its workflow', params: numberParam, body: actionBody, response: { 200: applicationView, ...errors } } },
      async (request, reply) => {
        noStore(reply);
        return service.act(ctx, request.actor, request.params.number, request.body, metaOf(request));
      },
    );

    app.post('/api/applications/:number/claim', { schema: { tags, summary: 'Take the application to work on it', params: numberParam, response: { 200: applicationView, ...errors } } }, async (request) =>
      service.claim(ctx, request.actor, request.params.number, false, metaOf(request)),
    );
    app.delete('/api/applications/:number/claim', { schema: { tags, summary: 'Give the application back to the agency’s inbox', params: numberParam, response: { 200: applicationView, ...errors } } }, async (request) =>
      service.claim(ctx, request.actor, request.params.number, true, metaOf(request)),
    );

    app.put(
      '/api/applications/:number/product',
      { schema: { tags, summary: 'Attach the finished document (before the signature step is completed)', description: MULTIPART, consumes: ['multipart/form-data'], params: numberParam, response: { 200: applicationView, ...fileErrors } } },
      async (request) => service.attachProduct(ctx, request.actor, request.params.number, await readUpload(request), metaOf(request)),
    );

    app.get('/api/applications/:number/product', { schema: { tags, summary: 'Download the signed product', params: numberParam, response: errors } }, async (request, reply) => {
      const file = await service.readProduct(ctx, request.actor, request.params.number, metaOf(request));
      reply.header('x-content-sha256', file.hash);
      sendFile(reply, file, false);
    });

    app.get('/api/applications/:number/product/verification.pdf', { schema: { tags, summary: 'The verification sheet of the signed product (QR and SHA-256)', params: numberParam, response: { 200: pdfResponse, ...errors } } }, async (request, reply) => {
      const view = await service.getApplication(ctx, request.actor, request.params.number, metaOf(request), { audit: false });
      if (!view.product.signed || !view.product.verificationUrl) throw new AppError('not_found', { id: 'Dokumen hasil belum ditandatangani.', en: 'The product is not signed yet.' });
      const pdf = await verificationSheetPdf(view, request.lang, ctx.now());
      noStore(reply);
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="verifikasi-${view.number}.pdf"`).send(pdf);
    });

    app.post(
      '/api/applications/:number/product/revoke',
      { schema: { tags, summary: 'Revoke a signed product issued in error', params: numberParam, body: z.object({ reason: z.string().trim().min(5).max(500) }), response: { 200: applicationView, ...errors } } },
      async (request) => service.revokeProduct(ctx, request.actor, request.params.number, request.body.reason, metaOf(request)),
    );

    app.get('/api/applications/:number/receipt.pdf', { schema: { tags, summary: 'The receipt (bukti permohonan) with the tracking QR; NIK masked', params: numberParam, response: { 200: pdfResponse, ...errors } } }, async (request, reply) => {
      const view = await service.getApplication(ctx, request.actor, request.params.number, metaOf(request));
      if (!view.submittedAt) throw new AppError('conflict', { id: 'Bukti permohonan tersedia setelah permohonan diajukan.', en: 'The receipt is available once the application is submitted.' });
      const pdf = await receiptPdf(view, request.lang, links.track(ctx, view.number), ctx.now());
      noStore(reply);
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="bukti-${view.number}.pdf"`).send(pdf);
    });

    // — public: tracking and document checks —

    const track = ['tracking'];
    app.get('/api/track/:number', { schema: { tags: track, summary: 'Public progress of an application by its number (no personal data)', params: numberParam, response: { 200: publicTracking, 404: problem } } }, async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return tracking.trackPublic(ctx, request.params.number);
    });

    const lookupLimit = { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };
    app.post(
      '/api/track/request-code',
      {
        schema: { tags: track, summary: 'Lookup by NIK, step 1: a one-time code to the phone registered for that NIK', body: z.object({ nik: z.string().max(40), phone: z.string().max(30) }), response: { 202: z.object({ sent: z.literal(true), maskedPhone: z.string(), message: z.string() }), 400: problem, 429: problem } },
        config: lookupLimit,
      },
      async (request, reply) => {
        const { maskedPhone } = await tracking.requestLookupCode(ctx, { ...request.body, locale: request.lang }, metaOf(request));
        reply.status(202);
        return {
          sent: true as const,
          maskedPhone,
          message: request.lang === 'en' ? `If this phone is registered for the NIK, a 6-digit code is on its way to ${maskedPhone}.` : `Jika nomor ini terdaftar untuk NIK tersebut, kode 6 angka sedang dikirim ke ${maskedPhone}.`,
        };
      },
    );
    app.post(
      '/api/track/lookup',
      {
        schema: {
          tags: track,
          summary: 'Lookup by NIK, step 2: the code gives the list of that NIK’s applications',
          body: z.object({ nik: z.string().max(40), phone: z.string().max(30), code: z.string().trim().regex(/^\d{6}$/) }),
          response: { 200: z.object({ items: z.array(z.object({ number: z.string(), service: z.object({ id: z.string(), en: z.string() }), status: z.string(), statusLabel: z.object({ id: z.string(), en: z.string() }), submittedAt: z.string().nullable(), dueDate: z.string().nullable() })) }), 400: problem, 401: problem },
        },
        config: lookupLimit,
      },
      async (request, reply) => {
        noStore(reply);
        return { items: await tracking.lookupByNik(ctx, request.body, metaOf(request)) };
      },
    );

    app.get(
      '/api/verify/:token',
      { schema: { tags: track, summary: 'Public check of an issued document (every check is logged)', params: z.object({ token: z.string().max(100) }), response: { 200: productCheck, 404: problem } } },
      async (request, reply) => {
        noStore(reply);
        return tracking.checkProduct(ctx, request.params.token, metaOf(request));
      },
    );

    // — the agency API (bearer token of an agency system) —

    const webhookBody = z.object({
      url: z.url().max(500).nullable(),
      active: z.boolean(),
      rotateSecret: z.boolean().optional(),
      /** Omitted: unchanged. */
      events: z.array(z.enum(webhooks.SUBSCRIBABLE_EVENTS as [string, ...string[]])).min(1).max(20).optional(),
    });
    const api = ['agency-api'];
    const security = [{ agencyToken: [] }];
    const base = '/api/agency/v1';
    app.get(`${base}/applications`, { schema: { tags: api, security, summary: 'Applications routed to your agency', querystring: listQuery, response: { 200: listResponse, ...errors } } }, async (request) =>
      service.listApplications(ctx, request.actor, request.query, metaOf(request)),
    );
    app.get(`${base}/applications/:number`, { schema: { tags: api, security, summary: 'One application with applicant, documents, SLA, timeline and the moves you can make', params: numberParam, response: { 200: applicationView, ...errors } } }, async (request) =>
      service.getApplication(ctx, request.actor, request.params.number, metaOf(request)),
    );
    app.get(
      `${base}/applications/:number/documents/:documentId`,
      { schema: { tags: api, security, summary: 'Download one uploaded document', params: numberParam.extend({ documentId: z.uuid() }), response: errors } },
      async (request, reply) => sendFile(reply, await service.readDocument(ctx, request.actor, request.params.number, request.params.documentId, metaOf(request)), false),
    );
    app.post(`${base}/applications/:number/claim`, { schema: { tags: api, security, summary: 'Claim the application for your system', params: numberParam, response: { 200: applicationView, ...errors } } }, async (request) =>
      service.claim(ctx, request.actor, request.params.number, false, metaOf(request)),
    );
    app.post(
      `${base}/applications/:number/transitions`,
      { schema: { tags: api, security, summary: 'Move the application: advance, return (perlu perbaikan), reject (ditolak), deliver', params: numberParam, body: actionBody, response: { 200: applicationView, ...errors } } },
      async (request) => service.act(ctx, request.actor, request.params.number, request.body, metaOf(request)),
    );
    app.put(
      `${base}/applications/:number/product`,
      { schema: { tags: api, security, summary: 'Attach the finished document', description: MULTIPART, consumes: ['multipart/form-data'], params: numberParam, response: { 200: applicationView, ...fileErrors } } },
      async (request) => service.attachProduct(ctx, request.actor, request.params.number, await readUpload(request), metaOf(request)),
    );
    app.get(`${base}/webhook`, { schema: { tags: api, security, summary: 'Your webhook settings', response: { 200: integrationView, ...errors } } }, async (request) => webhooks.getIntegration(ctx, request.actor));
    app.put(
      `${base}/webhook`,
      {
        schema: {
          tags: api,
          security,
          summary: 'Set your webhook (the secret is returned once, when created or rotated)',
          description:
            'Events are POSTed as JSON with headers X-Satupintu-Event, X-Satupintu-Delivery (unique id: drop repeats), X-Satupintu-Timestamp (unix seconds) and X-Satupintu-Signature: v1=hex(HMAC-SHA256(secret, "<timestamp>.<raw body>")). Reject requests older than 5 minutes. Answer 2xx within 10 s; anything else is retried with backoff (30 s doubling, up to 10 attempts). `events` chooses the application events sent (omitted: unchanged; every one, the default, also takes kinds added later); a ping always goes.',
          body: webhookBody,
          response: { 200: integrationView.extend({ secret: z.string().nullable() }), ...errors },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return webhooks.setWebhook(ctx, request.actor, request.body, metaOf(request));
      },
    );
    app.post(`${base}/webhook/ping`, { schema: { tags: api, security, summary: 'Send a test event to your webhook', response: { 202: z.object({ id: z.string() }), ...errors } } }, async (request, reply) => {
      reply.status(202);
      return webhooks.pingWebhook(ctx, request.actor);
    });
    app.get(
      `${base}/webhook/deliveries`,
      { schema: { tags: api, security, summary: 'The delivery log: recent events with each attempt and its answer', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(deliveryView) }), ...errors } } },
      async (request) => ({ items: await webhooks.listDeliveries(ctx, request.actor, undefined, request.query.limit) }),
    );

    // — the MPP admin's view of each agency's integration —

    const admin = ['admin'];
    const agencyParam = z.object({ code: z.string().min(1).max(80) });
    app.get(`/api/admin/agencies/:code/integration`, { schema: { tags: admin, summary: 'An agency’s webhook and SLA supervisor', params: agencyParam, response: { 200: integrationView, ...errors } } }, async (request) =>
      webhooks.getIntegration(ctx, request.actor, request.params.code),
    );
    app.put(
      `/api/admin/agencies/:code/supervisor`,
      {
        schema: {
          tags: admin,
          summary: 'Who is alerted when an application of the agency is late',
          description: 'Name, mobile/WhatsApp (Indonesian, stored as +62…), e-mail and the language of the alerts. Send nulls to clear: the agency’s staff are then alerted instead.',
          params: agencyParam,
          body: z.object({
            name: z.string().trim().max(120).nullable().default(null),
            phone: z.string().max(30).nullable(),
            email: z.union([z.email(bilingual('Alamat e-mail tidak valid.', 'Not a valid e-mail address.')).max(200), z.literal('')]).nullable(),
            locale: z.enum(['id', 'en']).default('id'),
          }),
          response: { 200: integrationView, ...errors },
        },
      },
      async (request) => webhooks.setSupervisor(ctx, request.actor, { ...request.body, agencyCode: request.params.code }, metaOf(request)),
    );
    app.put(
      `/api/admin/agencies/:code/webhook`,
      { schema: { tags: admin, summary: 'Set an agency’s webhook on its behalf', params: agencyParam, body: webhookBody, response: { 200: integrationView.extend({ secret: z.string().nullable() }), ...errors } } },
      async (request, reply) => {
        noStore(reply);
        return webhooks.setWebhook(ctx, request.actor, { ...request.body, agencyCode: request.params.code }, metaOf(request));
      },
    );
    app.get(
      `/api/admin/agencies/:code/webhook/deliveries`,
      { schema: { tags: admin, summary: 'An agency’s webhook delivery log', params: agencyParam, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }), response: { 200: z.object({ items: z.array(deliveryView) }), ...errors } } },
      async (request) => ({ items: await webhooks.listDeliveries(ctx, request.actor, request.params.code, request.query.limit) }),
    );
    app.post(`/api/admin/agencies/:code/webhook/ping`, { schema: { tags: admin, summary: 'Send a test event to an agency’s webhook', params: agencyParam, response: { 202: z.object({ id: z.string() }), ...errors } } }, async (request, reply) => {
      reply.status(202);
      return webhooks.pingWebhook(ctx, request.actor, request.params.code);
    });
    app.post(
      `/api/admin/agencies/:code/webhook/deliveries/:id/redeliver`,
      {
        schema: {
          tags: admin,
          summary: 'Send a failed or waiting delivery again now (audited; a delivered one is refused)',
          params: agencyParam.extend({ id: z.uuid() }),
          response: { 202: z.object({ id: z.string(), status: z.string(), nextAttemptAt: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        reply.status(202);
        return webhooks.redeliver(ctx, request.actor, request.params.code, request.params.id, metaOf(request));
      },
    );
  };
}
