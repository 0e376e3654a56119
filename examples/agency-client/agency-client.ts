/**
 * An agency's own system, played against the satupintu agency API: the kind of small integration a
 * Dispendukcapil or a DPMPTSP writes once. It needs nothing but Node.js (22.18+ runs this file as
 * it is) — no satupintu code, no packages.
 *
 *   node examples/agency-client/agency-client.ts --base-url http://localhost:3000 --token sp_… \
 *        [--listen-port 0] [--public-url http://my-host:port] [--max 5] [--timeout 120]
 *
 * What it does, as a real integration would:
 * 1. starts an HTTP endpoint and registers it as the agency's webhook (PUT /api/agency/v1/webhook),
 *    rotating the secret, which is returned once;
 * 2. receives events, checks each signature (HMAC-SHA256 over "<timestamp>.<body>"), refuses stale
 *    timestamps and repeated delivery ids (replays);
 * 3. sweeps the inbox once at start (GET /api/agency/v1/applications) for what arrived while it was
 *    away — webhooks are a doorbell, the API is the truth;
 * 4. for each new application: claims it, checks its documents, advances it through the agency's
 *    steps, attaches the signed product (a PDF it makes) and signs it — or sends it back for
 *    correction when a required document is missing;
 * 5. prints one JSON line per thing it does, and exits after --max applications or --timeout seconds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Options = { baseUrl: string; token: string; listenPort: number; publicUrl: string | null; max: number; timeoutSeconds: number };

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const baseUrl = get('base-url') ?? process.env.SATUPINTU_URL;
  const token = get('token') ?? process.env.SATUPINTU_TOKEN;
  if (!baseUrl || !token) {
    console.error('usage: agency-client.ts --base-url URL --token TOKEN [--listen-port N] [--public-url URL] [--max N] [--timeout S]');
    process.exit(2);
  }
  return {
    baseUrl: baseUrl.replace(/\/$/, ''),
    token,
    listenPort: Number(get('listen-port') ?? 0),
    publicUrl: get('public-url') ?? null,
    max: Number(get('max') ?? Infinity),
    timeoutSeconds: Number(get('timeout') ?? 300),
  };
}

function log(event: string, data: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...data })}\n`);
}

// — the API —

class ApiError extends Error {
  status: number;
  body: unknown;
  constructor(status: number, body: unknown) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

function client(options: Options) {
  const call = async (method: string, path: string, body?: unknown, extra: RequestInit = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${options.baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(30_000), ...extra });
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  };
  const v1 = '/api/agency/v1';
  return {
    setWebhook: (url: string) => call('PUT', `${v1}/webhook`, { url, active: true, rotateSecret: true }),
    disableWebhook: (url: string) => call('PUT', `${v1}/webhook`, { url, active: false }),
    list: (status: string) => call('GET', `${v1}/applications?status=${encodeURIComponent(status)}&limit=200`),
    get: (number: string) => call('GET', `${v1}/applications/${number}`),
    document: (number: string, id: string) => call('GET', `${v1}/applications/${number}/documents/${id}`) as Promise<Buffer>,
    claim: (number: string) => call('POST', `${v1}/applications/${number}/claim`),
    transition: (number: string, body: Record<string, unknown>) => call('POST', `${v1}/applications/${number}/transitions`, body),
    product: (number: string, pdf: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `produk-${number}.pdf`);
      return call('PUT', `${v1}/applications/${number}/product`, form);
    },
  };
}

// — webhook verification (the receiving side of HMAC-SHA256 signatures) —

const TOLERANCE_SECONDS = 300;

export function verifySignature(secret: string, body: string, timestamp: string | undefined, signature: string | undefined, now = Date.now()): 'ok' | 'missing' | 'stale' | 'bad_signature' {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return 'missing';
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const ok = signature.split(',').some((s) => {
    const given = Buffer.from(s.trim());
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return ok ? 'ok' : 'bad_signature';
}

// — the product: a one-page PDF, written by hand (an agency would print its own signed document) —

export function makePdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 60 ${770 - i * 24} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// — processing —

const OUR_STEPS = new Set(['verifikasi_berkas', 'survei_lapangan', 'proses_instansi', 'tanda_tangan']);

async function processApplication(api: ReturnType<typeof client>, number: string): Promise<string> {
  let app = await api.get(number);
  if (!OUR_STEPS.has(app.status)) return app.status;
  if (!app.claimedBy?.mine) app = await api.claim(number);
  log('claimed', { number, service: app.service.code, status: app.status });
  for (let guard = 0; guard < 10 && OUR_STEPS.has(app.status); guard++) {
    if (app.status === 'verifikasi_berkas') {
      // Check the file: every required document present and readable.
      const missing = app.requirements.filter((r: { optional: boolean; document: unknown }) => !r.optional && !r.document);
      for (const r of app.requirements.filter((x: { document: unknown }) => x.document)) {
        const bytes = await api.document(number, r.document.id);
        if (bytes.length !== r.document.size) missing.push(r);
      }
      if (missing.length) {
        app = await api.transition(number, { action: 'return', note: `Mohon lengkapi: ${missing.map((m: { name: { id: string } }) => m.name.id).join(', ')}`, expectedVersion: app.version });
        log('returned', { number });
        return app.status;
      }
      app = await api.transition(number, { action: 'advance', expectedVersion: app.version });
      log('verified', { number, documents: app.requirements.filter((r: { document: unknown }) => r.document).length });
    } else if (app.status === 'tanda_tangan') {
      const registry = `REG-${number.slice(-8)}`;
      if (!app.product.uploaded) {
        app = await api.product(number, makePdf([app.product.name.id, `Nomor permohonan: ${number}`, `Nomor register: ${registry}`, 'Ditandatangani secara elektronik']));
        log('product_attached', { number });
      }
      app = await api.transition(number, {
        action: 'advance',
        expectedVersion: app.version,
        signer: { name: 'Dr. Hj. Kepala Dinas', position: 'Kepala Dinas', delegation: null, principal: null },
      });
      log('signed', { number, verificationUrl: app.product.verificationUrl });
    } else {
      app = await api.transition(number, { action: 'advance', expectedVersion: app.version });
      log('advanced', { number, status: app.status });
    }
  }
  log('processed', { number, status: app.status });
  return app.status;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const api = client(options);
  let secret = '';
  const seen = new Map<string, number>();
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  const enqueue = (number: string) => {
    if (!queue.includes(number)) queue.push(number);
    wake?.();
  };

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/satupintu/events') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const delivery = String(req.headers['x-satupintu-delivery'] ?? '');
      const verdict = verifySignature(secret, body, req.headers['x-satupintu-timestamp'] as string | undefined, req.headers['x-satupintu-signature'] as string | undefined);
      if (verdict !== 'ok') {
        log('webhook_refused', { delivery, verdict });
        res.writeHead(401).end();
        return;
      }
      // Replay-safe: a delivery id seen within the tolerance window is acknowledged and dropped.
      const now = Date.now();
      for (const [id, at] of seen) if (now - at > TOLERANCE_SECONDS * 1000) seen.delete(id);
      if (seen.has(delivery)) {
        log('webhook_repeat', { delivery });
        res.writeHead(200).end();
        return;
      }
      seen.set(delivery, now);
      const event = JSON.parse(body);
      log('webhook', { type: event.type, delivery, number: event.data?.application?.number ?? null, verified: true });
      if (event.type === 'application.submitted' || event.type === 'application.resubmitted') enqueue(event.data.application.number);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.listenPort, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hookUrl = `${options.publicUrl ?? `http://127.0.0.1:${port}`}/satupintu/events`;
  const set = await api.setWebhook(hookUrl);
  secret = set.secret;
  log('ready', { webhook: hookUrl, agency: set.agency.code });

  const inbox = await api.list('verifikasi_berkas,proses_instansi,tanda_tangan');
  for (const item of inbox.items) enqueue(item.number);
  log('swept', { waiting: inbox.items.length });

  let processed = 0;
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  let exitCode = 0;
  while (processed < options.max && Date.now() < deadline) {
    const number = queue.shift();
    if (!number) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 500);
      });
      wake = null;
      continue;
    }
    try {
      await processApplication(api, number);
      processed++;
    } catch (error) {
      exitCode = 1;
      log('error', { number, message: (error as Error).message });
    }
  }
  if (processed < options.max && Number.isFinite(options.max)) {
    log('timeout', { processed });
    exitCode = 1;
  }
  await api.disableWebhook(hookUrl).catch(() => undefined);
  server.close();
  log('done', { processed });
  process.exit(exitCode);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    log('fatal', { message: (error as Error).message });
    process.exit(1);
  });
}
