import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canIdentity, requireAccess } from '../identity/access.ts';
import type { AppContext } from '../shared/context.ts';
import { noStore } from '../shared/http.ts';
import { maskNik } from '../identity/nik.ts';
import * as repo from './repository.ts';
import { verifyAuditChain } from './service.ts';

const rowSchema = z.object({
  seq: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  subjectNik: z.string().nullable(),
  ip: z.string().nullable(),
});

export function auditRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The regency\'s audit trail (MPP admin)',
          querystring: z.object({ entityType: z.string().max(40).optional(), entityId: z.string().max(80).optional(), actorId: z.uuid().optional(), before: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(rowSchema) }) },
        },
      },
      async (request, reply) => {
        requireAccess(request.actor, canIdentity(request.actor, 'audit.read'));
        noStore(reply);
        const { before, limit, ...filter } = request.query;
        const rows = await repo.searchAudit(ctx.db, ctx.regencyCode, filter, limit, before);
        return { items: rows.map((r) => ({ ...r, subjectNik: r.subjectNik ? maskNik(r.subjectNik) : null })) };
      },
    );
    app.get(
      '/api/audit/verify',
      { schema: { tags: ['audit'], summary: 'Re-checks the hash chain (MPP admin)', response: { 200: z.object({ rows: z.number(), intact: z.boolean(), brokenAt: z.number().nullable(), problem: z.string().nullable() }) } } },
      async (request) => {
        requireAccess(request.actor, canIdentity(request.actor, 'audit.read'));
        const result = await verifyAuditChain(ctx.db, ctx.regencyCode);
        return { rows: result.rows, intact: !result.broken, brokenAt: result.broken?.seq ?? null, problem: result.broken?.problem ?? null };
      },
    );
    // UU PDP: a person may see who processed their data.
    app.get(
      '/api/me/data-access',
      { schema: { tags: ['audit'], summary: 'Who read or changed my personal data (citizen)', response: { 200: z.object({ items: z.array(rowSchema.omit({ ip: true, actorId: true })) }) } } },
      async (request, reply) => {
        requireAccess(request.actor, canIdentity(request.actor, 'audit.read_own'));
        noStore(reply);
        const nik = request.actor.kind === 'user' ? request.actor.nik : null;
        if (!nik) return { items: [] };
        const rows = await repo.searchAudit(ctx.db, ctx.regencyCode, { subjectNik: nik }, 200);
        return { items: rows.map(({ ip: _ip, actorId: _a, ...r }) => ({ ...r, subjectNik: maskNik(nik) })) };
      },
    );
  };
}
