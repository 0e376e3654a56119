import type { AddressInfo } from 'node:net';
import { createTestPlatform, type TestPlatform } from './app.ts';

/** The whole platform listening on a free local port, for browser tests against the built web app. */
export async function startTestServer(options: { start?: Date; config?: Record<string, string>; catalogue?: boolean } = {}): Promise<TestPlatform & { url: string }> {
  const platform = await createTestPlatform({ ...options, start: options.start });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = platform.app.server.address() as AddressInfo;
  return { ...platform, url: `http://127.0.0.1:${port}` };
}
