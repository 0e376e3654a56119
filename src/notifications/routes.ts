import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canIdentity, requireAccess } from '../identity/access.ts';
import type { AppContext } from '../shared/context.ts';
import { noStore } from '../shared/http.ts';
import { hasGateway } from './adapters/index.ts';
import * as repo from './repository.ts';
import type { Channel } from './schema.ts';

export function notificationRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/admin/outbox',
      {
        schema: {
          tags: ['admin'],
          summary: 'Outgoing messages (in development, where one-time codes can be read)',
          querystring: z.object({ recipient: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), channel: z.string(), recipient: z.string(), template: z.string(), body: z.string(), status: z.string(), attempts: z.number(), createdAt: z.date(), sentAt: z.date().nullable(), lastError: z.string().nullable() })),
            }),
          },
        },
      },
      async (request, reply) => {
        requireAccess(request.actor, canIdentity(request.actor, 'outbox.read'));
        noStore(reply);
        const rows = await repo.listMessages(ctx.db, ctx.regencyCode, request.query.limit, request.query.recipient);
        // Message bodies carry one-time codes: readable only outside production and only on a
        // channel with no real gateway, where the admin page stands in for the phone. A code that
        // went to a real phone is for that phone alone (else an admin could sign in as anyone).
        const readable = (channel: Channel) => ctx.config.NODE_ENV !== 'production' && !hasGateway(ctx.config, channel);
        return { items: rows.map((r) => ({ ...r, body: readable(r.channel) ? r.body : '•••' })) };
      },
    );
  };
}
