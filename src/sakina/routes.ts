/**
 * SAKINA over HTTP: thin routes — path, schema, one service call. Access is decided in the
 * service (access.ts); every read of a woman's record is audited there.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { metaOf, noStore, requireUser } from '../shared/http.ts';
import * as escorts from './escorts.ts';
import { CATEGORIES, KSPR_FACTOR_CODES, KSPR_FACTORS } from './kspr.ts';
import {
  birthPlanSchema,
  localDate,
  confirmSchema,
  ESCORT_STEPS,
  escortRequestSchema,
  mergeSchema,
  monthSchema,
  outcomeSchema,
  postpartumSchema,
  registerSchema,
  reportSchema,
  retractFactorSchema,
  taskDoneSchema,
  teamSchema,
  updateSchema,
  visitSchema,
  withdrawSchema,
} from './model.ts';
import * as reports from './reports.ts';
import { PREGNANCY_STATUSES } from './schema.ts';
import * as service from './service.ts';
import { sakinaFigureRoutes } from './figures-routes.ts';
import { p4kStickerPdf } from './sticker.ts';

const TAGS = ['sakina'];
const idParams = z.object({ id: z.uuid() });
const saved = z.object({ id: z.string(), status: z.string(), replayed: z.boolean() });
const recordSchema = z.record(z.string(), z.unknown()).describe('The record with only the fields the reader may see (see access.ts); absent = not allowed');

export function sakinaRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.addHook('onSend', async (request, reply) => {
      // Personal health data: never cached by a browser or a proxy.
      if (request.url.startsWith('/api/sakina/')) noStore(reply);
    });

    app.get(
      '/api/sakina/kspr/factors',
      { schema: { tags: TAGS, summary: 'The KSPR card: its factors by group with their scores', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), no: z.string(), group: z.string(), score: z.number(), label: z.object({ id: z.string(), en: z.string() }) })) }) } } },
      async () => ({ items: KSPR_FACTOR_CODES.map((code) => ({ code, ...KSPR_FACTORS[code] })) }),
    );

    app.get('/api/sakina/villages', { schema: { tags: TAGS, summary: 'The villages the signed-in person works in, with their puskesmas' } }, async (request) => ({ items: await service.listMyVillages(ctx, request.actor) }));

    app.post(
      '/api/sakina/reports',
      { schema: { tags: TAGS, summary: 'Report a pregnancy (kader / village official; incomplete data allowed)', body: reportSchema, response: { 200: saved.extend({ possibleDuplicates: z.number() }), 201: saved.extend({ possibleDuplicates: z.number() }) } } },
      async (request, reply) => {
        const result = await service.reportPregnancy(ctx, request.actor, request.body, metaOf(request));
        reply.status(result.replayed ? 200 : 201);
        return result;
      },
    );

    app.post(
      '/api/sakina/pregnancies',
      { schema: { tags: TAGS, summary: 'Register a pregnancy (midwife, complete data)', body: registerSchema, response: { 200: saved, 201: saved } } },
      async (request, reply) => {
        const result = await service.registerPregnancy(ctx, request.actor, request.body, metaOf(request));
        reply.status(result.replayed ? 200 : 201);
        return result;
      },
    );

    app.post(
      '/api/sakina/duplicates',
      {
        schema: {
          tags: TAGS,
          summary: 'Possible duplicates of a woman about to be registered (midwife; POST so that the NIK stays out of URLs and logs)',
          body: z.object({ nik: z.string().max(40).nullish(), name: z.string().trim().min(1).max(120), birthDate: localDate.nullish(), villageId: z.uuid(), excludeId: z.uuid().nullish() }),
        },
      },
      async (request) => ({ items: await service.findDuplicates(ctx, request.actor, request.body, metaOf(request)) }),
    );

    app.get(
      '/api/sakina/pregnancies',
      {
        schema: {
          tags: TAGS,
          summary: 'Pregnant women in the reader\'s area (each row an audited read)',
          querystring: z.object({
            status: z.enum(PREGNANCY_STATUSES).optional(),
            category: z.enum(CATEGORIES).optional(),
            villageId: z.uuid().optional(),
            q: z.string().trim().max(80).optional(),
            dueWithinDays: z.coerce.number().int().min(0).max(300).optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
            offset: z.coerce.number().int().min(0).optional(),
          }),
        },
      },
      async (request) => ({ items: await service.listPregnanciesFor(ctx, request.actor, request.query, metaOf(request)) }),
    );

    app.get('/api/sakina/pregnancies/:id', { schema: { tags: TAGS, summary: 'One record, field by field as the reader may see it (audited read)', params: idParams, response: { 200: recordSchema } } }, async (request) =>
      service.getPregnancy(ctx, request.actor, request.params.id, metaOf(request)),
    );

    app.patch('/api/sakina/pregnancies/:id', { schema: { tags: TAGS, summary: 'Correct identity or obstetric data (midwife)', params: idParams, body: updateSchema } }, async (request) =>
      service.updatePregnancy(ctx, request.actor, request.params.id, request.body, metaOf(request)),
    );

    app.post('/api/sakina/pregnancies/:id/confirm', { schema: { tags: TAGS, summary: 'Confirm a community report, completing its data (midwife)', params: idParams, body: confirmSchema, response: { 200: saved } } }, async (request) =>
      service.confirmPregnancy(ctx, request.actor, request.params.id, request.body, metaOf(request)),
    );

    app.post('/api/sakina/pregnancies/:id/merge', { schema: { tags: TAGS, summary: 'Merge a report into the record of the same woman (midwife)', params: idParams, body: mergeSchema } }, async (request) =>
      service.mergeReport(ctx, request.actor, request.params.id, request.body.into, metaOf(request)),
    );

    app.post('/api/sakina/pregnancies/:id/withdraw', { schema: { tags: TAGS, summary: 'Withdraw a report that was not a pregnancy (midwife)', params: idParams, body: withdrawSchema } }, async (request) =>
      service.withdrawReport(ctx, request.actor, request.params.id, request.body.reason, metaOf(request)),
    );

    app.post('/api/sakina/pregnancies/:id/visits', { schema: { tags: TAGS, summary: 'Record an antenatal visit with its KSPR screening (midwife)', params: idParams, body: visitSchema } }, async (request, reply) => {
      const result = await service.recordVisit(ctx, request.actor, request.params.id, request.body, metaOf(request));
      reply.status(result.replayed ? 200 : 201);
      return result;
    });

    app.post(
      '/api/sakina/pregnancies/:id/kspr/retractions',
      { schema: { tags: TAGS, summary: 'Retract a KSPR factor entered by mistake, with a reason (midwife of her area; kept in the card\'s history)', params: idParams, body: retractFactorSchema } },
      async (request, reply) => {
        reply.status(201);
        return service.retractFactor(ctx, request.actor, request.params.id, request.body, metaOf(request));
      },
    );

    app.put('/api/sakina/pregnancies/:id/birth-plan', { schema: { tags: TAGS, summary: 'Save the P4K birth plan (midwife)', params: idParams, body: birthPlanSchema } }, async (request) =>
      service.saveBirthPlan(ctx, request.actor, request.params.id, request.body, metaOf(request)),
    );

    app.get('/api/sakina/pregnancies/:id/sticker.pdf', { schema: { tags: TAGS, summary: 'The printable P4K sticker (PDF, A5)', params: idParams, querystring: z.object({ lang: z.enum(['id', 'en']).optional() }) } }, async (request, reply) => {
      const { p, plan } = await service.stickerData(ctx, request.actor, request.params.id, metaOf(request));
      const regency = (await ctx.db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.regencyCode, ctx.regencyCode) }))?.name ?? '';
      const pdf = await p4kStickerPdf(p, plan, request.lang, regency);
      reply.type('application/pdf').header('content-disposition', `inline; filename="stiker-p4k-${p.id.slice(0, 8)}.pdf"`);
      return reply.send(pdf);
    });

    app.get('/api/sakina/pregnancies/:id/team/candidates', { schema: { tags: TAGS, summary: 'Who may serve on her team, by duty (midwife)', params: idParams } }, async (request) => service.teamCandidates(ctx, request.actor, request.params.id));

    app.put('/api/sakina/pregnancies/:id/team', { schema: { tags: TAGS, summary: 'Set her laskar: midwife, village official, police officer and backup (midwife)', params: idParams, body: teamSchema } }, async (request) => ({
      items: await service.setTeam(ctx, request.actor, request.params.id, request.body, metaOf(request)),
    }));

    app.post('/api/sakina/pregnancies/:id/escorts', { schema: { tags: TAGS, summary: 'Request an escort to the facility (midwife, village official)', params: idParams, body: escortRequestSchema } }, async (request, reply) => {
      const result = await escorts.requestEscort(ctx, request.actor, request.params.id, request.body, metaOf(request));
      reply.status(result.replayed ? 200 : 201);
      return result;
    });

    app.post(
      '/api/sakina/escorts/:id/:step',
      { schema: { tags: TAGS, summary: 'Escort progress by the police officer: accept, depart (on the way), arrive', params: z.object({ id: z.uuid(), step: z.enum(ESCORT_STEPS) }) } },
      async (request) => escorts.advanceEscort(ctx, request.actor, request.params.id, request.params.step, metaOf(request)),
    );

    app.post('/api/sakina/escorts/:id/cancel', { schema: { tags: TAGS, summary: 'Cancel an escort (requester or midwife)', params: idParams, body: withdrawSchema } }, async (request) =>
      escorts.cancelEscort(ctx, request.actor, request.params.id, request.body.reason, metaOf(request)),
    );

    app.get('/api/sakina/tasks', { schema: { tags: TAGS, summary: 'My tasks and the escorts under way (each woman shown is an audited read)' } }, async (request) => escorts.listTasksFor(ctx, request.actor, metaOf(request)));

    app.post('/api/sakina/tasks/:id/done', { schema: { tags: TAGS, summary: 'Mark a home visit or follow-up done', params: idParams, body: taskDoneSchema } }, async (request) =>
      escorts.completeTask(ctx, request.actor, request.params.id, request.body.note, metaOf(request)),
    );

    app.get('/api/sakina/alerts', { schema: { tags: TAGS, summary: 'Alerts of the last 30 days for my role and area, each with my read state, and my unread count' } }, async (request) => escorts.listAlertsFor(ctx, request.actor, metaOf(request)));

    const readResult = z.object({ marked: z.number().describe('Alerts newly marked read'), unread: z.number().describe('My alerts still unread') });
    app.post('/api/sakina/alerts/read', { schema: { tags: TAGS, summary: 'Mark all my alerts read (for me only; the rest of the team keeps theirs)', response: { 200: readResult } } }, async (request) =>
      escorts.markAlertsRead(ctx, request.actor, null),
    );

    app.post('/api/sakina/alerts/:id/read', { schema: { tags: TAGS, summary: 'Mark one alert read (for me only)', params: idParams, response: { 200: readResult } } }, async (request) =>
      escorts.markAlertsRead(ctx, request.actor, request.params.id),
    );

    app.post('/api/sakina/pregnancies/:id/outcome', { schema: { tags: TAGS, summary: 'Record the delivery (or loss): date, place, attendant, mode, mother and babies (midwife)', params: idParams, body: outcomeSchema } }, async (request, reply) => {
      reply.status(201);
      return service.recordOutcome(ctx, request.actor, request.params.id, request.body, metaOf(request));
    });

    app.post('/api/sakina/pregnancies/:id/postpartum-visits', { schema: { tags: TAGS, summary: 'Record a postpartum visit, up to 42 days (midwife)', params: idParams, body: postpartumSchema } }, async (request, reply) => {
      const result = await service.recordPostpartumVisit(ctx, request.actor, request.params.id, request.body, metaOf(request));
      reply.status(result.replayed ? 200 : 201);
      return result;
    });

    app.get(
      '/api/sakina/pregnancies/:id/birth-certificate-handover',
      { schema: { tags: TAGS, summary: 'Prefilled data for a birth-certificate application (births at a facility; audited read)', params: idParams } },
      async (request) => service.birthCertificateHandover(ctx, request.actor, request.params.id, metaOf(request)),
    );

    const figuresQuery = z.object({ month: monthSchema, puskesmasId: z.uuid().optional() });
    app.get('/api/sakina/figures', { schema: { tags: TAGS, summary: 'Monthly PWS-KIA figures per village and puskesmas, with the year\'s trend', querystring: figuresQuery } }, async (request) => {
      requireUser(request);
      return reports.monthlyFigures(ctx, request.actor, request.query);
    });

    app.get('/api/sakina/figures.csv', { schema: { tags: TAGS, summary: 'The PWS-KIA sheet as CSV', querystring: figuresQuery.extend({ lang: z.enum(['id', 'en']).optional() }) } }, async (request, reply) => {
      requireUser(request);
      const { csv, filename } = await reports.figuresCsv(ctx, request.actor, request.query, request.lang, metaOf(request));
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
      return csv;
    });

    await fastify.register(sakinaFigureRoutes(ctx)); // figures.xlsx and village targets
  };
}
