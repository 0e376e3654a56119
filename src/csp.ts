import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Content-Security-Policy. The web app loads nothing but its own files: scripts only from our
 * origin (no inline script, no eval), styles from our origin plus the one inline <style> of
 * index.html (the boot screen shown before the script runs), allowed by its hash taken from the
 * build. The API reference at /api/docs (Scalar) needs an inline bootstrap script and styles it
 * injects at run time, and loads its font from fonts.scalar.com: that looser policy is given to
 * /api/docs and its assets only.
 */
type Directives = Record<string, string[] | null>;

const COMMON: Directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrcAttr: ["'none'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  // Served over plain http on a LAN or localhost too: upgrading would break those.
  upgradeInsecureRequests: null,
};

export function appCsp(inlineStyleHashes: string[]): { useDefaults: false; directives: Directives } {
  return {
    useDefaults: false,
    directives: { ...COMMON, scriptSrc: ["'self'"], styleSrc: ["'self'", ...inlineStyleHashes], fontSrc: ["'self'"] },
  };
}

export const DOCS_CSP: { useDefaults: false; directives: Directives } = {
  useDefaults: false,
  directives: {
    ...COMMON,
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:', 'https://fonts.scalar.com'],
  },
};

export const DOCS_PREFIX = '/api/docs';

export function isDocsPath(url: string): boolean {
  return url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`);
}

/** CSP source expressions ('sha256-…') for each inline <style> element of a built page. */
export function inlineStyleHashes(html: string): string[] {
  const hashes = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  return [...new Set(hashes)];
}

export function builtIndexStyleHashes(webDist: string): string[] {
  const file = path.join(webDist, 'index.html');
  return fs.existsSync(file) ? inlineStyleHashes(fs.readFileSync(file, 'utf8')) : [];
}
