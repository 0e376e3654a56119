import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { isKecamatanNikPrefix, kecamatanByNikPrefix } from './district-codes.ts';
import { nikReasonMessage, parseNik } from '../identity/nik.ts';
import * as repo from './repository.ts';

const regionSchema = z.object({ code: z.string(), level: z.string(), parentCode: z.string().nullable(), name: z.string() });
const codeParam = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah tidak valid (contoh 35.10.01) | Invalid region code (e.g. 35.10.01)');

export function regionRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/regions',
      {
        schema: {
          tags: ['regions'],
          summary: 'Browse (children of `parent`) or search (`q`) the official region list',
          querystring: z.object({
            parent: codeParam.optional(),
            q: z.string().trim().min(2).max(60).optional(),
            within: codeParam.optional(),
            level: z.enum(['province', 'regency', 'district', 'village']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.object({ items: z.array(regionSchema) }) },
        },
      },
      async (request) => {
        const { parent, q, within, level, limit } = request.query;
        const items = q ? await repo.searchRegions(ctx.db, q, within ?? null, level ?? null, limit) : await repo.listChildren(ctx.db, parent ?? null);
        return { items };
      },
    );
    app.get(
      '/api/regions/:code',
      {
        schema: {
          tags: ['regions'],
          summary: 'One region with its ancestors and children',
          params: z.object({ code: codeParam }),
          response: { 200: regionSchema.extend({ ancestors: z.array(regionSchema), children: z.array(regionSchema) }) },
        },
      },
      async (request) => {
        const region = await repo.findRegion(ctx.db, request.params.code);
        if (!region) throw new AppError('not_found', { id: `Wilayah ${request.params.code} tidak ada.`, en: `Region ${request.params.code} does not exist.` });
        const [ancestors, children] = await Promise.all([repo.findAncestors(ctx.db, region.code), repo.listChildren(ctx.db, region.code)]);
        return { ...region, ancestors: ancestors.filter((a) => a.code !== region.code), children };
      },
    );
    // Format and region only: whether the NIK belongs to anyone is never revealed.
    app.post(
      '/api/nik/validate',
      {
        schema: {
          tags: ['regions'],
          summary: 'Check a NIK\'s format, region and birth date (never whether it is registered)',
          body: z.object({ nik: z.string().max(40) }),
          response: {
            200: z.object({
              valid: z.boolean(),
              reason: z.string().optional(),
              message: z.string().optional(),
              kecamatan: z.object({ code: z.string(), name: z.string() }).optional(),
              birthDate: z.string().optional(),
              sex: z.enum(['F', 'M']).optional(),
            }),
          },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request) => {
        const parsed = parseNik(request.body.nik, { isKecamatan: isKecamatanNikPrefix, today: ctx.now() });
        if (!parsed.ok) return { valid: false, reason: parsed.reason, message: nikReasonMessage(parsed.reason, request.lang, parsed.details) };
        const kec = kecamatanByNikPrefix().get(parsed.nik.slice(0, 6))!;
        return { valid: true, kecamatan: { code: kec.code, name: kec.name }, birthDate: parsed.birthDate, sex: parsed.sex };
      },
    );
  };
}
