import { recordAudit } from '../audit/service.ts';
import type { Actor, ActorPlace, UserActor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { enqueueMessage } from '../notifications/service.ts';
import { isKecamatanNikPrefix } from '../regions/district-codes.ts';
import { canIdentity, requireAccess } from './access.ts';
import { nikReasonMessage, parseNik } from './nik.ts';
import { maskPhone, normaliseMobile } from './phone.ts';
import * as repo from './repository.ts';
import type { Role } from './schema.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, newOneTimeCode, newToken, sameSecret, sha256, verifyPassword } from './secrets.ts';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
const CODE_TTL_MINUTES = 5;
const CODE_MAX_ATTEMPTS = 5;
const CODES_PER_HOUR = 5;

export type SessionInfo = { token: string; csrfToken: string; expiresAt: Date; actor: UserActor };

function toActor(user: repo.UserRow, places: ActorPlace[], sessionTokenHash: string): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    displayName: user.displayName,
    nik: user.nik,
    locale: user.locale === 'en' ? 'en' : 'id',
    places,
    sessionTokenHash,
  };
}

async function openSession(ctx: AppContext, tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], user: repo.UserRow, meta: RequestMeta & { userAgent?: string | null }): Promise<SessionInfo> {
  const token = newToken();
  const tokenHash = sha256(token);
  const csrfToken = newToken(24);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.SESSION_TTL_HOURS * 3600_000);
  await repo.insertSession(tx, {
    regencyCode: ctx.regencyCode,
    tokenHash,
    userId: user.id,
    csrfToken,
    createdAt: ctx.now(),
    lastSeenAt: ctx.now(),
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  const places = await repo.findPlacesOfUser(tx, ctx.regencyCode, user.id);
  return { token, csrfToken, expiresAt, actor: toActor(user, places, tokenHash) };
}

export function validNik(input: unknown): string {
  const parsed = parseNik(input, { isKecamatan: isKecamatanNikPrefix });
  if (!parsed.ok) {
    throw new AppError('validation_failed', undefined, [
      { field: 'nik', message: { id: nikReasonMessage(parsed.reason, 'id', parsed.details), en: nikReasonMessage(parsed.reason, 'en', parsed.details) } },
    ]);
  }
  return parsed.nik;
}

export function validMobile(input: string): string {
  const phone = normaliseMobile(input);
  if (!phone) {
    throw new AppError('validation_failed', undefined, [
      { field: 'phone', message: { id: 'Nomor HP Indonesia tidak valid (contoh: 0812 3456 7890).', en: 'Not a valid Indonesian mobile number (e.g. 0812 3456 7890).' } },
    ]);
  }
  return phone;
}

/** Staff sign-in. Wrong password and unknown user answer alike, in the same time. */
export async function signInStaff(ctx: AppContext, input: { username: string; password: string }, meta: RequestMeta & { userAgent?: string | null }): Promise<SessionInfo> {
  const username = input.username.trim().toLowerCase();
  const user = await repo.findUserByUsername(ctx.db, ctx.regencyCode, username);
  if (!user || user.role === 'citizen' || !user.passwordHash) {
    await verifyPassword(DUMMY_PASSWORD_HASH, input.password);
    throw new AppError('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now()) throw new AppError('account_locked');
  const ok = await verifyPassword(user.passwordHash, input.password);
  const outcome = await ctx.db.transaction(async (tx) => {
    if (!ok || !user.active) {
      // Count the failure and commit it (throwing here would roll the count and its audit row back).
      await repo.recordFailedLogin(tx, ctx.regencyCode, user.id, LOCK_AFTER_FAILURES, ctx.now(), new Date(ctx.now().getTime() + LOCK_MINUTES * 60_000));
      await recordAudit(tx, ctx.regencyCode, { kind: 'anonymous' }, meta, { action: 'sign_in_failed', entityType: 'user', entityId: user.id }, ctx.now());
      return null;
    }
    await repo.updateUser(tx, ctx.regencyCode, user.id, { failedLogins: 0, lockedUntil: null });
    const session = await openSession(ctx, tx, user, meta);
    await recordAudit(tx, ctx.regencyCode, session.actor, meta, { action: 'sign_in', entityType: 'user', entityId: user.id }, ctx.now());
    return session;
  });
  if (!outcome) throw new AppError('invalid_credentials');
  return outcome;
}

/** NIK and phone checked together, so a form with both wrong hears about both at once. */
function validNikAndMobile(input: { nik: string; phone: string }): { nik: string; phone: string } {
  const fields: { field: string; message: LocalText }[] = [];
  let nik = '';
  let phone = '';
  try {
    nik = validNik(input.nik);
  } catch (error) {
    fields.push(...((error as AppError).fields ?? []));
  }
  try {
    phone = validMobile(input.phone);
  } catch (error) {
    fields.push(...((error as AppError).fields ?? []));
  }
  if (fields.length) throw new AppError('validation_failed', undefined, fields);
  return { nik, phone };
}

/**
 * Sends a sign-in code to the phone. The answer is the same whether or not the NIK is known,
 * and the code goes only to the phone already registered for a known NIK: nobody learns
 * whether a NIK exists, and nobody can take over an account by typing their own number.
 *
 * A request that will not be delivered (known NIK, other phone — or no phone on file) still
 * stores a code row, with a hash no 6-digit code can match: the hourly limit then counts it
 * exactly like a delivered one, so a 429 does not give the NIK away either. The limit is per
 * NIK and phone, so a stranger typing someone's NIK cannot use it up for the real owner.
 */
export async function requestCitizenCode(ctx: AppContext, input: { nik: string; phone: string; locale: 'id' | 'en' }, meta: RequestMeta): Promise<{ maskedPhone: string }> {
  const { nik, phone } = validNikAndMobile(input);
  await ctx.db.transaction(async (tx) => {
    const recent = await repo.countRecentCodes(tx, ctx.regencyCode, nik, phone, new Date(ctx.now().getTime() - 3600_000));
    if (recent >= CODES_PER_HOUR) throw new AppError('rate_limited');
    const existing = await repo.findUserByNik(tx, ctx.regencyCode, nik);
    const deliver = !existing || existing.phone === phone;
    const code = newOneTimeCode();
    const codeId = await repo.insertOneTimeCode(tx, {
      regencyCode: ctx.regencyCode,
      purpose: 'citizen_login',
      nik,
      phone,
      codeHash: sha256(deliver ? code : newToken()),
      createdAt: ctx.now(),
      expiresAt: new Date(ctx.now().getTime() + CODE_TTL_MINUTES * 60_000),
    });
    if (!deliver) return;
    await enqueueMessage(tx, ctx.regencyCode, {
      dedupeKey: `otp:${codeId}`,
      channel: 'sms',
      recipient: phone,
      template: 'otp.citizen_login',
      locale: input.locale,
      text: {
        id: `Kode masuk satupintu Anda: ${code}. Berlaku ${CODE_TTL_MINUTES} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.`,
        en: `Your satupintu sign-in code: ${code}. Valid for ${CODE_TTL_MINUTES} minutes. Never share it with anyone, staff included.`,
      },
    }, ctx.now());
  });
  ctx.wake('outbox-deliver');
  return { maskedPhone: maskPhone(phone) };
}

export async function verifyCitizenCode(ctx: AppContext, input: { nik: string; phone: string; code: string }, meta: RequestMeta & { userAgent?: string | null }): Promise<SessionInfo> {
  const { nik, phone } = validNikAndMobile(input);
  const outcome = await ctx.db.transaction(async (tx) => {
    const active = await repo.findActiveCode(tx, ctx.regencyCode, 'citizen_login', nik, phone, ctx.now());
    if (!active || active.attempts >= CODE_MAX_ATTEMPTS) return { error: 'invalid_otp' as const };
    if (!sameSecret(active.codeHash, sha256(input.code.trim()))) {
      // Count the miss and commit it: a wrong guess must still use up an attempt.
      await repo.updateOneTimeCode(tx, ctx.regencyCode, active.id, { attempts: active.attempts + 1 });
      return { error: 'invalid_otp' as const };
    }
    await repo.updateOneTimeCode(tx, ctx.regencyCode, active.id, { consumedAt: ctx.now() });
    let user = await repo.findUserByNik(tx, ctx.regencyCode, nik);
    // Only a live citizen account whose phone is the one the code went to.
    if (user && (user.role !== 'citizen' || !user.active || user.phone !== phone)) return { error: 'invalid_otp' as const };
    if (!user) {
      user = await repo.insertUser(tx, { regencyCode: ctx.regencyCode, role: 'citizen', nik, phone, displayName: `Warga ${nik.slice(-4)}`, locale: meta.lang });
      await recordAudit(tx, ctx.regencyCode, { kind: 'anonymous' }, meta, { action: 'create', entityType: 'user', entityId: user.id, subjectNik: nik, details: { via: 'citizen_sign_in' } }, ctx.now());
    }
    const session = await openSession(ctx, tx, user, meta);
    await recordAudit(tx, ctx.regencyCode, session.actor, meta, { action: 'sign_in', entityType: 'user', entityId: user.id, subjectNik: nik }, ctx.now());
    return { session };
  });
  if ('error' in outcome) throw new AppError(outcome.error!);
  return outcome.session;
}

/** Sliding expiry: each use extends the session, at most once a minute to spare writes. */
export async function resolveSession(ctx: AppContext, token: string): Promise<(UserActor & { csrfToken: string }) | null> {
  const tokenHash = sha256(token);
  const found = await repo.findLiveSession(ctx.db, ctx.regencyCode, tokenHash, ctx.now());
  if (!found) return null;
  if (ctx.now().getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(ctx.db, ctx.regencyCode, tokenHash, ctx.now(), new Date(ctx.now().getTime() + ctx.config.SESSION_TTL_HOURS * 3600_000));
  }
  const places = await repo.findPlacesOfUser(ctx.db, ctx.regencyCode, found.user.id);
  return { ...toActor(found.user, places, tokenHash), csrfToken: found.session.csrfToken };
}

export async function signOut(ctx: AppContext, actor: UserActor, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.revokeSession(tx, ctx.regencyCode, actor.sessionTokenHash, ctx.now());
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'sign_out', entityType: 'user', entityId: actor.userId }, ctx.now());
  });
}

export async function setLocale(ctx: AppContext, actor: UserActor, locale: 'id' | 'en'): Promise<void> {
  await repo.updateUser(ctx.db, ctx.regencyCode, actor.userId, { locale });
}

export async function resolveApiToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const found = await repo.findLiveApiToken(ctx.db, ctx.regencyCode, sha256(token));
  if (!found) return null;
  await repo.touchApiToken(ctx.db, ctx.regencyCode, found.token.id, ctx.now());
  const { place } = found;
  return { kind: 'agency_system', tokenId: found.token.id, place: { id: place.id, kind: place.kind, code: place.code, name: place.name, regionCode: place.regionCode } };
}

export type NewStaff = { username: string; password: string; displayName: string; role: Exclude<Role, 'citizen'>; phone?: string; email?: string; placeIds: string[] };

export async function createStaffUser(ctx: AppContext, actor: Actor, input: NewStaff, meta: RequestMeta): Promise<repo.UserRow> {
  requireAccess(actor, canIdentity(actor, 'users.manage'));
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const taken = new AppError('already_exists', { id: `Nama pengguna "${username}" sudah dipakai.`, en: `Username "${username}" is taken.` });
  return ctx.db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, ctx.regencyCode, username)) throw taken;
    await requireKnownPlaces(tx, ctx.regencyCode, input.placeIds);
    const user = await repo.insertUser(tx, {
      regencyCode: ctx.regencyCode,
      role: input.role,
      username,
      passwordHash,
      displayName: input.displayName,
      phone: input.phone ? validMobile(input.phone) : null,
      email: input.email ?? null,
    }).catch((error: unknown) => {
      // Two submissions at once both pass the check above; the unique index decides.
      throw isUniqueViolation(error) ? taken : error;
    });
    await repo.setUserPlaces(tx, ctx.regencyCode, user.id, input.placeIds);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'user', entityId: user.id, details: { role: input.role, username, placeIds: input.placeIds } }, ctx.now());
    return user;
  });
}

async function requireKnownPlaces(tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], regencyCode: string, placeIds: string[]): Promise<void> {
  for (const placeId of placeIds) {
    if (!(await repo.findPlace(tx, regencyCode, placeId))) throw new AppError('validation_failed', undefined, [{ field: 'placeIds', message: { id: 'Tempat tugas tidak ditemukan.', en: 'Unknown place.' } }]);
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function updateStaffUser(ctx: AppContext, actor: Actor, userId: string, patch: { active?: boolean; placeIds?: string[]; displayName?: string }, meta: RequestMeta): Promise<void> {
  requireAccess(actor, canIdentity(actor, 'users.manage'));
  await ctx.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, ctx.regencyCode, userId);
    if (!user || user.role === 'citizen') throw new AppError('not_found');
    if (patch.placeIds) await requireKnownPlaces(tx, ctx.regencyCode, patch.placeIds);
    await repo.updateUser(tx, ctx.regencyCode, userId, { active: patch.active, displayName: patch.displayName });
    if (patch.placeIds) await repo.setUserPlaces(tx, ctx.regencyCode, userId, patch.placeIds);
    if (patch.active === false) await repo.revokeSessionsOfUser(tx, ctx.regencyCode, userId, ctx.now());
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'user', entityId: userId, details: patch }, ctx.now());
  });
}

export async function listStaff(ctx: AppContext, actor: Actor) {
  requireAccess(actor, canIdentity(actor, 'users.manage'));
  const rows = await repo.listUsers(ctx.db, ctx.regencyCode);
  const staff = rows.filter((u) => u.role !== 'citizen');
  return Promise.all(
    staff.map(async (u) => ({
      id: u.id,
      username: u.username!,
      displayName: u.displayName,
      role: u.role,
      active: u.active,
      places: await repo.findPlacesOfUser(ctx.db, ctx.regencyCode, u.id),
    })),
  );
}

export async function createApiToken(ctx: AppContext, actor: Actor, input: { name: string; placeId: string }, meta: RequestMeta): Promise<{ id: string; token: string }> {
  requireAccess(actor, canIdentity(actor, 'api_tokens.manage'));
  return ctx.db.transaction(async (tx) => {
    const place = await repo.findPlace(tx, ctx.regencyCode, input.placeId);
    if (!place || place.kind !== 'agency') throw new AppError('validation_failed', undefined, [{ field: 'placeId', message: { id: 'Token API hanya untuk instansi.', en: 'API tokens are for agencies only.' } }]);
    const token = `sp_${newToken()}`;
    const id = await repo.insertApiToken(tx, {
      regencyCode: ctx.regencyCode,
      placeId: place.id,
      name: input.name,
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, 8),
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: ctx.now(),
    });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'api_token', entityId: id, details: { name: input.name, placeId: place.id } }, ctx.now());
    return { id, token };
  });
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  requireAccess(actor, canIdentity(actor, 'api_tokens.manage'));
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.revokeApiToken(tx, ctx.regencyCode, id, ctx.now()))) throw new AppError('not_found');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'revoke', entityType: 'api_token', entityId: id }, ctx.now());
  });
}

export async function listApiTokens(ctx: AppContext, actor: Actor) {
  requireAccess(actor, canIdentity(actor, 'api_tokens.manage'));
  return repo.listApiTokens(ctx.db, ctx.regencyCode);
}

export async function listPlaces(ctx: AppContext, actor: Actor, kind?: repo.PlaceRow['kind']) {
  requireAccess(actor, canIdentity(actor, 'places.read'));
  return repo.listPlaces(ctx.db, ctx.regencyCode, kind);
}
