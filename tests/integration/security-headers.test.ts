import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app.ts';
import { inlineStyleHashes } from '../../src/csp.ts';
import { createTestPlatform, type TestPlatform } from '../support/app.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

/** "a b; c d e" → { a: ['b'], c: ['d', 'e'] } */
function csp(header: string | string[] | number | undefined): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));

describe('Content-Security-Policy of the web app', () => {
  it.each(['/', '/katalog', '/masuk/petugas', '/api/health', '/api/openapi.json', '/api/nothing-here', '/api/docsx'])('%s: scripts, styles and fonts from our own origin only', async (url) => {
    const res = await platform.anonymous.get(url);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['font-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    // Styles: our files, and inline only what the build wrote into index.html, by hash.
    expect(policy['style-src']![0]).toBe("'self'");
    for (const source of policy['style-src']!.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    // Nothing anywhere from another host, nothing inline or evaluated.
    const all = Object.values(policy).flat();
    expect(all.filter((s) => /^https?:|^\*|unsafe-inline|unsafe-eval|unsafe-hashes/.test(s))).toEqual([]);
  });

  it.runIf(hasBuild)("allows the built index.html's boot-screen <style> by its hash, and serves that page", async () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const hashes = inlineStyleHashes(html);
    expect(hashes.length).toBeGreaterThan(0);
    const res = await platform.anonymous.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(html);
    expect(csp(res.headers['content-security-policy'])['style-src']).toEqual(["'self'", ...hashes]);
    // Its scripts are files of our own origin; none is inline (script-src 'self' would refuse it).
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
  });
});

describe('Content-Security-Policy of the API reference', () => {
  it.each(['/api/docs', '/api/docs/', '/api/docs/js/scalar.js'])('%s: the looser policy Scalar needs, and only that', async (url) => {
    const res = await platform.anonymous.get(url);
    expect(res.statusCode).toBeLessThan(400);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['font-src']).toEqual(["'self'", 'data:', 'https://fonts.scalar.com']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(Object.values(policy).flat()).not.toContain('https://cdn.jsdelivr.net');
  });

  it('serves the reference page, whose script is our own file plus its inline bootstrap', async () => {
    const res = await platform.anonymous.get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<script src="js/scalar.js"></script>');
    expect(res.body).not.toMatch(/<script[^>]+src="https?:/);
  });
});
