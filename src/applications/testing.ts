/** Helpers for the applications integration tests: multipart uploads and a complete filing. */
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
