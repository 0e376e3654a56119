import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, UserActor } from './actor.ts';
import type { RequestMeta } from './context.ts';
import { AppError } from './errors.ts';
import { pickLang, type Lang } from './i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
    lang: Lang;
  }
}

export const SESSION_COOKIE = 'sp_session';

export function metaOf(request: FastifyRequest): RequestMeta & { userAgent: string | null } {
  return { ip: request.ip ?? null, requestId: String(request.id), lang: request.lang, userAgent: request.headers['user-agent'] ?? null };
}

export function langOf(request: FastifyRequest): Lang {
  const chosen = request.actor?.kind === 'user' ? request.actor.locale : undefined;
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  return pickLang(request.headers['accept-language'], typeof query === 'string' ? query : chosen);
}

export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
  return request.actor;
}

export function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
