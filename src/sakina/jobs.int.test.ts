/** The hourly scan (due dates near, missed visits) and the demo data the platform starts with. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { scanPregnancies } from './jobs.ts';
import { seedSakina } from './seed.ts';
import { krstWoman, messagesTo, PHONES, recordVisit, registerWoman, sakinaPlatform } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let kader: Session;
let polisi: Session;

beforeAll(async () => {
  platform = await sakinaPlatform({ demoRecords: true, history: false });
  bidan = await platform.as('bidan.sempu');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
});
afterAll(() => platform.close());

describe('the demo register', () => {
  it('has women at every stage in Kecamatan Sempu', async () => {
    const items = (await bidan.get('/api/sakina/pregnancies')).json().items as { name: string; status: string; category: string | null }[];
    const byName = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(byName['Lestari']).toMatchObject({ status: 'reported', category: null });
    expect(byName['Sri Wahyuni']).toMatchObject({ status: 'active', category: 'KRT' });
    expect(byName['Nur Hidayah']).toMatchObject({ status: 'active', category: 'KRST' });
    expect(byName['Dewi Kartika Sari']).toMatchObject({ status: 'active', category: 'KRR' });
    expect(byName['Rina Marlina']).toMatchObject({ status: 'delivered' });
    expect(byName['Siti Maemunah']).toBeUndefined(); // delivered 45 days ago: closed
  });

  it('is seeded once', async () => {
    expect(await seedSakina(platform.ctx.db, platform.ctx.regencyCode, { today: '2026-11-30' })).toBe(false);
  });

  it('gives the police their KRT/KRST women of Sempu and Jambewangi', async () => {
    const names = ((await polisi.get('/api/sakina/pregnancies')).json().items as { name: string }[]).map((i) => i.name).sort();
    expect(names).toEqual(['Nur Hidayah', 'Sri Wahyuni']);
  });
});

describe('the scan', () => {
  it('alerts the whole team once when a KRT/KRST woman is due within 14 days, and gives the kader a visit', async () => {
    const first = await scanPregnancies(platform.ctx);
    expect(first.dueSoon).toBe(1); // Nur Hidayah, 38w4d, KRST
    expect(first.missed).toBeGreaterThanOrEqual(1); // Yuli Astuti's visit due at 20 weeks
    const again = await scanPregnancies(platform.ctx);
    expect(again).toMatchObject({ dueSoon: 0, missed: 0 });

    const police = (await polisi.get('/api/sakina/alerts')).json().items as { kind: string; woman: { name: string }; details: Record<string, unknown> }[];
    expect(police.find((a) => a.kind === 'due_soon')).toMatchObject({ woman: { name: 'Nur Hidayah' }, details: { days: 10 } });
    expect(police.map((a) => a.kind)).not.toContain('missed_visit');
    const dueMessage = (await messagesTo(platform, PHONES.polisi)).find((m) => m.template === 'sakina.due_soon')!;
    expect(dueMessage.body).toContain('Nur Hidayah');
    expect(dueMessage.body).toContain('10 hari');
    const jambewangi = await platform.as('kader.jambewangi');
    const tasks = (await jambewangi.get('/api/sakina/tasks')).json().tasks as { kind: string; reason: { en: string }; woman: { name: string } }[];
    expect(tasks.find((t) => t.woman.name === 'Nur Hidayah')).toMatchObject({ kind: 'home_visit', reason: { en: expect.stringContaining('birth plan') } });
  });

  it('a missed visit becomes a follow-up for the kader, closed by the next visit', async () => {
    const id = await registerWoman(platform, bidan, { name: 'Ibu Lupa Periksa', gaDays: 150 });
    await recordVisit(platform, bidan, id, { daysAgo: 70, examiner: 'doctor' }); // next expected 42 days ago
    await scanPregnancies(platform.ctx);
    const tasks = (await kader.get('/api/sakina/tasks')).json().tasks as { id: string; kind: string; woman: { name: string }; dueOn: string }[];
    const followUp = tasks.find((t) => t.woman.name === 'Ibu Lupa Periksa')!;
    expect(followUp).toMatchObject({ kind: 'missed_visit_follow_up', dueOn: '2026-12-03' });
    const alerts = (await bidan.get('/api/sakina/alerts')).json().items as { kind: string; woman: { name: string }; details: { expected?: string } }[];
    expect(alerts.find((a) => a.kind === 'missed_visit' && a.woman.name === 'Ibu Lupa Periksa')!.details.expected).toBe('2026-10-19');
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.anc.missed).toEqual({ expected: '2026-10-19', overdueDays: 42 });

    await recordVisit(platform, bidan, id, { daysAgo: 0 });
    const after = (await kader.get('/api/sakina/tasks')).json().tasks as { woman: { name: string } }[];
    expect(after.map((t) => t.woman.name)).not.toContain('Ibu Lupa Periksa');
    expect((await bidan.get(`/api/sakina/pregnancies/${id}`)).json().anc.missed).toBeNull();
  });

  it('does not alert a due date for a low-risk woman', async () => {
    const id = await registerWoman(platform, bidan, { name: 'Ibu Rendah Hampir Lahir', gaDays: 275 });
    await recordVisit(platform, bidan, id, { daysAgo: 0 });
    await scanPregnancies(platform.ctx);
    const alerts = (await bidan.get('/api/sakina/alerts')).json().items as { kind: string; woman: { name: string } }[];
    expect(alerts.filter((a) => a.woman.name === 'Ibu Rendah Hampir Lahir').map((a) => a.kind)).toEqual([]);
    expect(await krstWoman(platform, bidan)).toBeTruthy();
  });
});
