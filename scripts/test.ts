/**
 * `npm test`: type check, unit + integration tests on PGlite, the integration tests again on
 * PostgreSQL when TEST_DATABASE_URL is set, and the browser tests in Debian's Chromium when it is
 * installed. With CI=true a missing PostgreSQL or Chromium fails the run; without it, the run says
 * loudly what it skipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const runId = Date.now().toString(36);
const results: { phase: string; passed: number; failed: number; skipped: number; ok: boolean }[] = [];
const skippedPhases: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, SATUPINTU_TEST_RUN: runId, ...env } });
  return child.status === 0;
}

function vitest(phase: string, projects: string[], env: Record<string, string> = {}): void {
  const report = path.join(os.tmpdir(), `satupintu-vitest-${runId}-${phase}.json`);
  const ok = run('npx', ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
    fs.rmSync(report);
  }
  results.push({ phase, passed, failed, skipped, ok: ok && failed === 0 && passed > 0 });
}

function loud(message: string): void {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\n!! ${message}\n${bar}\n`);
}

console.log('\n== type check ==');
results.push({ phase: 'typecheck', passed: 0, failed: 0, skipped: 0, ok: run('npx', ['tsc', '--noEmit', '-p', '.']) });

console.log('\n== unit + integration on PGlite ==');
vitest('pglite', ['unit', 'integration'], { TEST_DB_KIND: 'pglite' });

if (process.env.TEST_DATABASE_URL) {
  console.log(`\n== integration on PostgreSQL (${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}) ==`);
  vitest('postgresql', ['integration'], { TEST_DB_KIND: 'postgresql' });
} else if (ci) {
  loud('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run is required in CI.');
  results.push({ phase: 'postgresql', passed: 0, failed: 1, skipped: 0, ok: false });
} else {
  loud('SKIPPED: integration tests on PostgreSQL (set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to run them).');
  skippedPhases.push('postgresql');
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  console.log('\n== browser end-to-end tests (Chromium) ==');
  if (run('npm', ['run', 'build:web', '--silent'])) vitest('e2e', ['e2e'], { TEST_DB_KIND: 'pglite', CHROMIUM_PATH: chromium });
  else results.push({ phase: 'e2e', passed: 0, failed: 1, skipped: 0, ok: false });
} else if (ci) {
  loud(`CI=true but Chromium is missing at ${chromium}: the browser tests are required in CI.`);
  results.push({ phase: 'e2e', passed: 0, failed: 1, skipped: 0, ok: false });
} else {
  loud(`SKIPPED: browser tests (no Chromium at ${chromium}; apt-get install chromium, or set CHROMIUM_PATH).`);
  skippedPhases.push('e2e');
}

console.log('\n== summary ==');
for (const r of results) {
  const counts = r.phase === 'typecheck' ? '' : ` ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.phase.padEnd(10)}${counts}`);
}
for (const phase of skippedPhases) console.log(`SKIP ${phase}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + results.filter((r) => !r.ok && r.failed === 0).length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
