/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, Wasabi, the object stores of Indonesian cloud
 * providers) through plain HTTPS requests signed with AWS Signature Version 4 — three calls (PUT,
 * GET, HEAD) do not need the AWS SDK. Objects are keyed by content hash like the local store.
 */
import { createHash, createHmac } from 'node:crypto';
import { assertContent, assertContentHash, FileMissingError, type FileStore } from './store.ts';

export type S3Options = {
  /** e.g. https://s3.ap-southeast-3.amazonaws.com or http://minio:9000 */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. `satupintu/`. */
  prefix?: string;
  /** https://endpoint/bucket/key (MinIO, most self-hosted) instead of https://bucket.endpoint/key. */
  forcePathStyle?: boolean;
  fetch?: typeof fetch;
  now?: () => Date;
};

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request (AWS Signature Version 4, service `s3`): returns the headers to send, including
 * Authorization. `headers` must include every header to sign except host, x-amz-date and
 * x-amz-content-sha256, which are added.
 */
export function signV4(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
  service?: string;
}): Record<string, string> {
  const service = input.service ?? 's3';
  const datetime = amzDate(input.now);
  const date = datetime.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')])),
    host: input.url.host,
    'x-amz-date': datetime,
    'x-amz-content-sha256': input.payloadHash,
  };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const path = input.url.pathname.split('/').map((segment) => encode(decodeURIComponent(segment))).join('/') || '/';
  const canonical = [input.method, path, query, names.map((n) => `${n}:${headers[n]}\n`).join(''), signedHeaders, input.payloadHash].join('\n');
  const scope = `${date}/${input.region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

export function s3Store(options: S3Options): FileStore {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const endpoint = new URL(options.endpoint);
  const urlOf = (hash: string): URL => {
    assertContentHash(hash);
    const key = `${options.prefix ?? ''}${hash.slice(0, 2)}/${hash}`;
    if (options.forcePathStyle ?? true) return new URL(`${endpoint.origin}/${options.bucket}/${key}`);
    return new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}/${key}`);
  };
  const send = async (method: string, hash: string, body?: Buffer, mediaType?: string) => {
    const url = urlOf(hash);
    const headers = signV4({
      method,
      url,
      headers: mediaType ? { 'content-type': mediaType } : {},
      // The content hash is the payload's SHA-256: S3 checks the upload against it.
      payloadHash: body ? hash : EMPTY_SHA256,
      region: options.region,
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      now: now(),
    });
    delete headers.host;
    return doFetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(30_000) });
  };
  return {
    kind: 's3',
    async put(hash, bytes, mediaType) {
      assertContent(hash, bytes);
      const res = await send('PUT', hash, bytes, mediaType);
      if (!res.ok) throw new Error(`S3 PUT failed: ${res.status} ${(await res.text()).slice(0, 200)}`);
    },
    async get(hash) {
      const res = await send('GET', hash);
      if (res.status === 404) throw new FileMissingError(`no object ${hash.slice(0, 12)}…`);
      if (!res.ok) throw new Error(`S3 GET failed: ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      assertContent(hash, bytes);
      return bytes;
    },
    async exists(hash) {
      const res = await send('HEAD', hash);
      if (res.status === 404) return false;
      if (!res.ok) throw new Error(`S3 HEAD failed: ${res.status}`);
      return true;
    },
  };
}
