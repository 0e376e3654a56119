import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { migrationLevel } from '../db/migrate.ts';
import type { AppContext } from '../shared/context.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.object({ applied: z.number(), known: z.number(), latest: z.string().nullable() }),
  regencyCode: z.string(),
  time: z.string(),
});

export function healthRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/health',
      { schema: { tags: ['system'], summary: 'Liveness, version, database kind and migration level', response: { 200: healthSchema } } },
      async () => {
        const migrations = await migrationLevel(ctx.database);
        return {
          status: migrations.applied === migrations.known ? ('ok' as const) : ('degraded' as const),
          version: pkg.version,
          database: ctx.database.kind,
          migrations,
          regencyCode: ctx.regencyCode,
          time: ctx.now().toISOString(),
        };
      },
    );
  };
}
