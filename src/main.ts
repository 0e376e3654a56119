import { performance } from 'node:perf_hooks';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseLockedError } from './db/client.ts';
import { startJobs } from './jobs/boss.ts';
import { preparePlatform } from './platform.ts';
import { DEMO_ACCOUNTS, DEMO_CITIZEN, DEMO_PASSWORD } from './seed/demo.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const { database, seeded } = await preparePlatform(config, (m) => console.log(`satupintu: ${m}`));
  const { app, ctx } = await buildApp({ config, database });
  const boss = config.JOBS ? await startJobs(ctx) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await boss?.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  satupintu is ready at ${url}  (${database.kind}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s${seeded ? ', demo data seeded' : ''})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.SEED_DEMO) {
    lines.push(`  Demo staff accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(14)} ${a.role.padEnd(17)} ${a.displayName}`);
    lines.push(`  Demo citizen: NIK ${DEMO_CITIZEN.nik}, phone ${DEMO_CITIZEN.phone} (the code appears in this log and in Admin → Outbox)`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseLockedError) {
    console.error(`satupintu: ${error.message}`);
  } else {
    console.error('satupintu: failed to start', error);
  }
  process.exit(1);
});
