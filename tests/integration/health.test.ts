import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../support/app.ts';
import { testDbKind } from '../support/database.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

describe('GET /api/health', () => {
  it('reports the database kind and a complete migration level', async () => {
    const res = await platform.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database).toBe(testDbKind);
    expect(body.status).toBe('ok');
    expect(body.migrations.applied).toBe(body.migrations.known);
    expect(body.migrations.latest).toMatch(/^\d{4}_/);
  });

  it('answers an unknown API path with a problem document in the asked language', async () => {
    const res = await platform.anonymous.get('/api/nothing-here', { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', detail: '/api/nothing-here does not exist.' });
  });
});
