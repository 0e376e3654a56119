import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserActor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { metaOf, noStore, requireUser, SESSION_COOKIE } from '../shared/http.ts';
import { bilingual } from '../shared/validation.ts';
import { ROLES } from './schema.ts';
import * as service from './service.ts';

const placeSchema = z.object({ id: z.string(), kind: z.string(), code: z.string(), name: z.string(), regionCode: z.string().nullable() });
const sessionSchema = z.object({
  user: z
    .object({ id: z.string(), role: z.enum(ROLES), displayName: z.string(), locale: z.enum(['id', 'en']), places: z.array(placeSchema) })
    .nullable(),
  csrfToken: z.string().nullable(),
});

function sessionBody(actor: UserActor | null, csrfToken: string | null) {
  return {
    user: actor ? { id: actor.userId, role: actor.role, displayName: actor.displayName, locale: actor.locale, places: actor.places } : null,
    csrfToken,
  };
}

export function identityRoutes(ctx: AppContext): FastifyPluginAsync {
  const secure = ctx.config.COOKIE_SECURE ?? ctx.config.PUBLIC_URL?.startsWith('https://') ?? false;
  // No Expires: the server slides the session's expiry with each use (SESSION_TTL_HOURS of
  // inactivity), which a fixed cookie date would cut short at sign-in + TTL however active the
  // user. The cookie ends with the browser session, which suits shared counter PCs.
  const setCookie = (reply: FastifyReply, session: service.SessionInfo) =>
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  const loginLimit = { rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } };

  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/auth/session', { schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: sessionSchema } } }, async (request, reply) => {
      noStore(reply);
      return sessionBody(request.actor.kind === 'user' ? request.actor : null, request.csrfToken);
    });

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Staff sign-in with username and password',
          body: z.object({
            username: z.string().trim().min(1, bilingual('Nama pengguna wajib diisi', 'Username is required')).max(64),
            password: z.string().min(1, bilingual('Kata sandi wajib diisi', 'Password is required')).max(200),
          }),
          response: { 200: sessionSchema },
        },
        config: loginLimit,
      },
      async (request, reply) => {
        const session = await service.signInStaff(ctx, request.body, metaOf(request));
        setCookie(reply, session);
        noStore(reply);
        return sessionBody(session.actor, session.csrfToken);
      },
    );

    app.post(
      '/api/auth/citizen/request-code',
      {
        schema: {
          tags: ['auth'],
          summary: 'Citizen sign-in, step 1: send a one-time code to the phone',
          body: z.object({ nik: z.string().max(40), phone: z.string().max(30) }),
          response: { 202: z.object({ sent: z.literal(true), maskedPhone: z.string(), message: z.string() }) },
        },
        config: loginLimit,
      },
      async (request, reply) => {
        const { maskedPhone } = await service.requestCitizenCode(ctx, { ...request.body, locale: request.lang }, metaOf(request));
        reply.status(202);
        return {
          sent: true as const,
          maskedPhone,
          message:
            request.lang === 'en'
              ? `If the data match, a 6-digit code is on its way to ${maskedPhone}.`
              : `Jika data cocok, kode 6 angka sedang dikirim ke ${maskedPhone}.`,
        };
      },
    );

    app.post(
      '/api/auth/citizen/verify',
      {
        schema: {
          tags: ['auth'],
          summary: 'Citizen sign-in, step 2: the one-time code',
          body: z.object({ nik: z.string().max(40), phone: z.string().max(30), code: z.string().trim().regex(/^\d{6}$/, bilingual('Kode terdiri dari 6 angka', 'The code has 6 digits')) }),
          response: { 200: sessionSchema },
        },
        config: loginLimit,
      },
      async (request, reply) => {
        const session = await service.verifyCitizenCode(ctx, request.body, metaOf(request));
        setCookie(reply, session);
        noStore(reply);
        return sessionBody(session.actor, session.csrfToken);
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
      if (request.actor.kind === 'user') await service.signOut(ctx, request.actor, metaOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.status(204).send(null);
    });

    app.patch(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'Change the signed-in user\'s language', body: z.object({ locale: z.enum(['id', 'en']) }), response: { 204: z.null() } } },
      async (request, reply) => {
        await service.setLocale(ctx, requireUser(request), request.body.locale);
        reply.status(204).send(null);
      },
    );

    // Administration of staff accounts and agency API tokens.
    const staffSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), active: z.boolean(), places: z.array(placeSchema) });
    app.get('/api/admin/users', { schema: { tags: ['admin'], summary: 'Staff accounts', response: { 200: z.object({ items: z.array(staffSchema) }) } } }, async (request) => ({
      items: await service.listStaff(ctx, request.actor),
    }));
    app.post(
      '/api/admin/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a staff account bound to its places',
          body: z.object({
            username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/i, bilingual('3–40 huruf, angka, titik, garis', '3–40 letters, digits, dots, dashes')),
            password: z.string().min(10, bilingual('Kata sandi minimal 10 karakter', 'Password needs at least 10 characters')).max(200),
            displayName: z.string().trim().min(2).max(100),
            role: z.enum(ROLES).exclude(['citizen']),
            phone: z.string().max(30).optional(),
            email: z.email().optional(),
            placeIds: z.array(z.uuid()).max(50).default([]),
          }),
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (request, reply) => {
        const user = await service.createStaffUser(ctx, request.actor, request.body, metaOf(request));
        reply.status(201);
        return { id: user.id };
      },
    );
    app.patch(
      '/api/admin/users/:id',
      {
        schema: {
          tags: ['admin'],
          summary: 'Deactivate, rename or re-bind a staff account',
          params: z.object({ id: z.uuid() }),
          body: z.object({ active: z.boolean().optional(), displayName: z.string().trim().min(2).max(100).optional(), placeIds: z.array(z.uuid()).max(50).optional() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.updateStaffUser(ctx, request.actor, request.params.id, request.body, metaOf(request));
        reply.status(204).send(null);
      },
    );
    app.get(
      '/api/places',
      { schema: { tags: ['admin'], summary: 'Places staff can be bound to', querystring: z.object({ kind: z.enum(['agency', 'service_point', 'village', 'puskesmas', 'police_post']).optional() }), response: { 200: z.object({ items: z.array(placeSchema) }) } } },
      async (request) => ({ items: await service.listPlaces(ctx, request.actor, request.query.kind) }),
    );
    app.get(
      '/api/admin/api-tokens',
      {
        schema: {
          tags: ['admin'],
          summary: 'Agency API tokens (the secret is shown once, at creation)',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), placeId: z.string(), placeName: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable(), revokedAt: z.date().nullable() })) }) },
        },
      },
      async (request) => ({ items: await service.listApiTokens(ctx, request.actor) }),
    );
    app.post(
      '/api/admin/api-tokens',
      { schema: { tags: ['admin'], summary: 'Issue an API token to an agency system', body: z.object({ name: z.string().trim().min(3).max(100), placeId: z.uuid() }), response: { 201: z.object({ id: z.string(), token: z.string() }) } } },
      async (request, reply) => {
        reply.status(201);
        noStore(reply);
        return service.createApiToken(ctx, request.actor, request.body, metaOf(request));
      },
    );
    app.delete(
      '/api/admin/api-tokens/:id',
      { schema: { tags: ['admin'], summary: 'Revoke an API token', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
      async (request, reply) => {
        await service.revokeApiToken(ctx, request.actor, request.params.id, metaOf(request));
        reply.status(204).send(null);
      },
    );
    app.get(
      '/api/whoami',
      { schema: { tags: ['auth'], summary: 'Who the API token or session acts as', response: { 200: z.object({ kind: z.string(), role: z.string().nullable(), place: z.string().nullable() }) } } },
      async (request) => {
        const a = request.actor;
        return { kind: a.kind, role: a.kind === 'user' ? a.role : null, place: a.kind === 'agency_system' ? a.place.code : null };
      },
    );
  };
}
