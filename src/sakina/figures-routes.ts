/**
 * SAKINA figures over HTTP, beside routes.ts: the PWS-KIA workbook and the village targets
 * (sasaran ibu hamil) that coverage is measured against. Thin routes; access in the services.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { metaOf, requireUser } from '../shared/http.ts';
import { monthSchema } from './model.ts';
import * as reports from './reports.ts';
import { listTargets, saveTargets, targetsBody, targetYear } from './targets.ts';

const TAGS = ['sakina'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const targetsView = z.object({
  year: z.number(),
  puskesmas: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      editable: z.boolean().describe('Whether the reader may set these targets (the puskesmas\'s own staff)'),
      villages: z.array(z.object({ villageId: z.string(), code: z.string(), name: z.string(), pregnantWomen: z.number().nullable(), lastYear: z.number().nullable().describe('Last year\'s target, a starting point') })),
      total: z.number().nullable().describe('Sum of the villages\' targets; null while one is missing'),
    }),
  ),
});

export function sakinaFigureRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/sakina/figures.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: 'The PWS-KIA sheet as an Excel workbook (a sheet per puskesmas, merged headers, totals as formulas)',
          querystring: z.object({ month: monthSchema, puskesmasId: z.uuid().optional(), lang: z.enum(['id', 'en']).optional() }),
        },
      },
      async (request, reply) => {
        requireUser(request);
        const { xlsx, filename } = await reports.figuresXlsx(ctx, request.actor, request.query, request.lang, metaOf(request));
        reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(xlsx);
      },
    );

    app.get(
      '/api/sakina/targets',
      {
        schema: {
          tags: TAGS,
          summary: 'The year\'s village targets (sasaran ibu hamil) by puskesmas (midwives of the puskesmas, leader)',
          querystring: z.object({ year: targetYear, puskesmasId: z.uuid().optional() }),
          response: { 200: targetsView },
        },
      },
      async (request) => {
        requireUser(request);
        return listTargets(ctx, request.actor, request.query.year, request.query.puskesmasId);
      },
    );

    app.put(
      '/api/sakina/targets',
      {
        schema: {
          tags: TAGS,
          summary: 'Set the year\'s targets of villages the puskesmas serves (its midwives; audited with the replaced values)',
          body: targetsBody,
          response: { 200: targetsView },
        },
      },
      async (request) => {
        requireUser(request);
        return saveTargets(ctx, request.actor, request.body, metaOf(request));
      },
    );
  };
}
