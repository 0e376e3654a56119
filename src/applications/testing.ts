/** Helpers for the applications integration tests: multipart uploads and a complete filing. */
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { Session } from '../../tests/support/app.ts';
import { samplePdf, SAMPLE_JPEG } from '../storage/fixtures.ts';

export function multipart(bytes: Buffer, filename: string, mediaType = 'application/octet-stream'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----satupintu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mediaType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(session: Session, url: string, bytes: Buffer, filename: string, mediaType?: string): Promise<LightMyRequestResponse> {
  const { body, headers } = multipart(bytes, filename, mediaType);
  return session.request('PUT', url, body, headers);
}

/** The requirements of a draft that still need a file. */
export function missing(view: { requirements: { documentCode: string; optional: boolean; document: unknown }[] }): string[] {
  return view.requirements.filter((r) => !r.optional && !r.document).map((r) => r.documentCode);
}

/** Creates a draft for `serviceCode`, uploads a file for every required document, and submits it. */
export async function fileApplication(
  session: Session,
  serviceCode = 'akta-kelahiran',
  options: { applicant?: Record<string, unknown>; submit?: boolean; key?: string; villageCode?: string } = {},
): Promise<{ number: string; view: Record<string, any> }> {
  const created = await session.post('/api/applications', { serviceCode, applicant: options.applicant, villageCode: options.villageCode }, options.key ? { 'idempotency-key': options.key } : {});
  if (created.statusCode !== 201 && created.statusCode !== 200) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const view = created.json();
  const pdf = await samplePdf();
  let i = 0;
  for (const code of missing(view)) {
    const res = i++ % 2 === 0 ? await upload(session, `/api/applications/${view.number}/documents/${code}`, pdf, `${code}.pdf`) : await upload(session, `/api/applications/${view.number}/documents/${code}`, SAMPLE_JPEG, `${code}.jpg`);
    if (res.statusCode !== 200) throw new Error(`upload ${code} failed: ${res.statusCode} ${res.body}`);
  }
  if (options.submit === false) return { number: view.number, view };
  const submitted = await session.post(`/api/applications/${view.number}/submit`);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  return { number: view.number, view: submitted.json() };
}

/** An API token for an agency's system, issued by the admin; and a session that sends it as a bearer token. */
export async function agencySystem(p: import('../../tests/support/app.ts').TestPlatform, agencyCode = 'dispendukcapil'): Promise<{ token: string; session: Session }> {
  const { findPlaceByCode } = await import('../identity/repository.ts');
  const place = await findPlaceByCode(p.ctx.db, p.ctx.regencyCode, 'agency', agencyCode);
  const admin = await p.as('admin');
  const res = await admin.post('/api/admin/api-tokens', { name: `Sistem ${agencyCode}`, placeId: place!.id });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  const token = res.json().token as string;
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    p.app.inject({ method: method as 'GET', url, payload: body === undefined ? undefined : (body as object), headers: { authorization: `Bearer ${token}`, ...headers } });
  return {
    token,
    session: {
      request,
      get: (url, headers) => request('GET', url, undefined, headers),
      post: (url, body, headers) => request('POST', url, body ?? {}, headers),
      patch: (url, body, headers) => request('PATCH', url, body ?? {}, headers),
      delete: (url, headers) => request('DELETE', url, undefined, headers),
      cookie: null,
      csrfToken: null,
    },
  };
}

/** Outbox rows of a template, newest first. */
export async function outboxOf(p: import('../../tests/support/app.ts').TestPlatform, template: string) {
  const { sql } = await import('drizzle-orm');
  const { queryRows } = await import('../db/client.ts');
  return queryRows<{ recipient: string; channel: string; body: string; locale: string; status: string; attempts: number; dedupe_key: string; params: Record<string, string> }>(
    p.ctx.db,
    sql`select recipient, channel, body, locale, status, attempts, dedupe_key, params from outbox where template = ${template} order by created_at desc`,
  );
}

/** The text a PDF shows: its streams inflated, pdfkit's hex-encoded strings decoded. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      content = match[1]!;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1]!, 'hex').toString('latin1');
    text += '\n';
  }
  return text;
}
