import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../dist/web');

/**
 * Writes `.br` and `.gz` beside every text asset, so the server can send them as they are
 * (@fastify/static `preCompressed`) instead of 280 kB of raw JavaScript to a phone on 3G.
 */
function precompress(): Plugin {
  return {
    name: 'satupintu-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(dir, name);
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The web app lives in web/, builds into dist/web (served by the Fastify app with an SPA fallback)
// and, in development, talks to the API on :3000 through the proxy.
export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Citizens come on cheap phones and slow networks: warn early when a chunk grows.
    chunkSizeWarningLimit: 300, // the vendor chunk (React DOM, i18next) is ~280 kB raw, ~88 kB gzip
    rolldownOptions: {
      output: {
        // React, i18next and wouter change less often than our code: their own long-cached chunk.
        // The shell (kit, session, API client) that every audience shares is one chunk, not many.
        codeSplitting: {
          groups: [
            // chart.js is for the KPI pages only: it stays with them, out of the vendor chunk every visitor loads.
            { name: 'vendor', test: /node_modules[\\/](?!chart\.js|@kurkle)/ },
            { name: 'shell', test: /web\/src\/(kit|shell\/(?!StaffSignIn)|i18n\/(index|id|use-lang)|session|api|format|labels|use-api)/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
