import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDocumentType } from './detect.ts';
import { SAMPLE_EXE, SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from './fixtures.ts';
import { localDiskStore } from './local.ts';
import { s3Store, signV4 } from './s3.ts';
import { FileMissingError, sha256Hex } from './store.ts';

describe('detecting the type by content', () => {
  it('accepts PDF, JPEG and PNG whatever they are called', async () => {
    expect(await detectDocumentType(await samplePdf())).toEqual({ accepted: true, mediaType: 'application/pdf', extension: 'pdf' });
    expect(await detectDocumentType(SAMPLE_JPEG)).toEqual({ accepted: true, mediaType: 'image/jpeg', extension: 'jpg' });
    expect(await detectDocumentType(SAMPLE_PNG)).toEqual({ accepted: true, mediaType: 'image/png', extension: 'png' });
  });

  it('refuses an executable, plain text, HTML and an empty file', async () => {
    expect(await detectDocumentType(SAMPLE_EXE)).toEqual({ accepted: false, found: 'application/x-msdownload' });
    expect((await detectDocumentType(Buffer.from('%PDX not really a pdf'))).accepted).toBe(false);
    expect((await detectDocumentType(Buffer.from('<html><script>alert(1)</script></html>'))).accepted).toBe(false);
    expect(await detectDocumentType(Buffer.alloc(0))).toEqual({ accepted: false, found: null });
  });
});

describe('local disk store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = localDiskStore(dir);

  it('keeps files by content hash, once', async () => {
    const hash = sha256Hex(SAMPLE_PNG);
    await store.put(hash, SAMPLE_PNG, 'image/png');
    await store.put(hash, SAMPLE_PNG, 'image/png');
    expect(await store.exists(hash)).toBe(true);
    expect((await store.get(hash)).equals(SAMPLE_PNG)).toBe(true);
    expect(fs.existsSync(path.join(dir, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(true);
    expect(fs.readdirSync(path.join(dir, hash.slice(0, 2), hash.slice(2, 4)))).toEqual([hash]);
  });

  it('takes no key but a hash: no path can be smuggled in', async () => {
    for (const key of ['../../etc/passwd', '/etc/passwd', 'a'.repeat(63), 'A'.repeat(64), `${'a'.repeat(64)}/x`]) {
      await expect(store.get(key)).rejects.toThrow('not a content hash');
      await expect(store.put(key, SAMPLE_PNG, 'image/png')).rejects.toThrow();
    }
  });

  it('refuses bytes that do not match their hash, and says when a file is missing', async () => {
    await expect(store.put(sha256Hex(SAMPLE_JPEG), SAMPLE_PNG, 'image/png')).rejects.toThrow('does not match');
    await expect(store.get('0'.repeat(64))).rejects.toBeInstanceOf(FileMissingError);
    expect(await store.exists('0'.repeat(64))).toBe(false);
  });
});

describe('S3 signature version 4', () => {
  it('matches the GET Object example of the AWS documentation', () => {
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  const example = { region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', now: new Date('2013-05-24T00:00:00Z') };
  const signatureOf = (headers: Record<string, string>) => /SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(headers.authorization!)!.slice(1);

  it('matches the PUT Object example (extra signed headers, a $ in the key, a payload hash)', () => {
    const headers = signV4({
      method: 'PUT',
      url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
      headers: { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      ...example,
    });
    expect(signatureOf(headers)).toEqual(['date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class', '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd']);
  });

  it('matches the GET Bucket Lifecycle and List Objects examples (query strings)', () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const lifecycle = signV4({ method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/?lifecycle'), headers: {}, payloadHash: empty, ...example });
    expect(signatureOf(lifecycle)[1]).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
    const list = signV4({ method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J'), headers: {}, payloadHash: empty, ...example });
    expect(signatureOf(list)[1]).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  it('puts, gets and checks objects by hash on a path-style endpoint', async () => {
    const objects = new Map<string, Buffer>();
    const calls: { method: string; url: string; auth: string; sha: string }[] = [];
    const fakeFetch = (async (input: URL, init: RequestInit) => {
      const url = String(input);
      const headers = init.headers as Record<string, string>;
      calls.push({ method: init.method!, url, auth: headers.authorization!, sha: headers['x-amz-content-sha256']! });
      if (init.method === 'PUT') {
        objects.set(url, Buffer.from(init.body as Uint8Array));
        return new Response(null, { status: 200 });
      }
      const found = objects.get(url);
      if (!found) return new Response(null, { status: 404 });
      return new Response(init.method === 'HEAD' ? null : new Uint8Array(found), { status: 200 });
    }) as unknown as typeof fetch;
    const store = s3Store({ endpoint: 'http://minio:9000', region: 'ap-southeast-3', bucket: 'dokumen', accessKeyId: 'AK', secretAccessKey: 'SK', prefix: 'bwi/', fetch: fakeFetch, now: () => new Date('2026-11-30T02:00:00Z') });
    const hash = sha256Hex(SAMPLE_JPEG);
    expect(await store.exists(hash)).toBe(false);
    await store.put(hash, SAMPLE_JPEG, 'image/jpeg');
    expect((await store.get(hash)).equals(SAMPLE_JPEG)).toBe(true);
    await expect(store.get('1'.repeat(64))).rejects.toBeInstanceOf(FileMissingError);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`http://minio:9000/dokumen/bwi/${hash.slice(0, 2)}/${hash}`);
    expect(put.sha).toBe(hash);
    expect(put.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AK\/20261130\/ap-southeast-3\/s3\/aws4_request,SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
  });
});
