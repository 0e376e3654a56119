import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { escalateLateApplications } from './jobs.ts';
import { seedApplicationHistory } from './seed-history.ts';

/** The demo history (SEED_DEMO) gives the leader's SLA page a regency's worth of months to look at, once, and alerts nobody. */
let p: TestPlatform;
let filed = 0;

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-seedhist-${process.pid}` } });
  filed = await seedApplicationHistory(p.ctx.db, p.ctx.regencyCode, p.clock.now);
}, 120_000);
afterAll(() => p?.close());

describe('the demo application history', () => {
  it('fills six months with a believable spread, figures only', async () => {
    expect(filed).toBeGreaterThan(300);
    const body = (await (await p.as('pimpinan')).get('/api/applications/figures/sla')).json();
    expect(body.months).toHaveLength(6);
    for (const month of body.total.months.slice(0, 5)) {
      expect(month.filed).toBeGreaterThan(40);
      expect(month.finished).toBeGreaterThan(30);
      expect(month.finishedLate).toBeGreaterThan(0);
    }
    expect(body.total.all.onTimePercent).toBeGreaterThan(60);
    expect(body.total.all.onTimePercent).toBeLessThan(98);
    expect(body.total.all.rejected).toBeGreaterThan(0);
    expect(body.total.all.sentBack).toBeGreaterThan(0);
    expect(body.total.all.openWithinSla).toBeGreaterThan(0);
    expect(body.agencies.length).toBeGreaterThan(3);
    expect(body.agencies[0].services.length).toBeGreaterThan(0);
    const percents = body.agencies.map((a: { all: { onTimePercent: number | null } }) => a.all.onTimePercent).filter((v: number | null) => v != null);
    expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(10);
  });

  it('is filed once, and the lateness job finds nobody to alert', async () => {
    expect(await seedApplicationHistory(p.ctx.db, p.ctx.regencyCode, p.clock.now)).toBe(0);
    expect(await escalateLateApplications(p.ctx)).toBe(0);
  });

  it('opens in the agency inbox like any application', async () => {
    const capil = await p.as('capil');
    const list = await capil.get('/api/applications');
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0];
    expect(first).toBeTruthy();
    const one = await capil.get(`/api/applications/${first.number}`);
    expect(one.statusCode, one.body).toBe(200);
  });
});
