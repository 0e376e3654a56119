import { buildTemplate, dropTemplate } from './database.ts';

export async function setup(): Promise<void> {
  await buildTemplate();
}

export async function teardown(): Promise<void> {
  await dropTemplate();
}
