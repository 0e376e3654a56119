/** Alerts read: each person marks their own, one by one or all at once; the team's others keep theirs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { krstWoman, sakinaPlatform } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let bidanGenteng: Session;
let kader: Session;
let polisi: Session;

type Alert = { id: string; kind: string; read: boolean; woman: { name: string } };
type Alerts = { items: Alert[]; unread: number };

beforeAll(async () => {
  platform = await sakinaPlatform();
  bidan = await platform.as('bidan.sempu');
  bidanGenteng = await platform.as('bidan.genteng');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
});
afterAll(() => platform.close());

const alertsOf = async (s: Session): Promise<Alerts> => {
  const res = await s.get('/api/sakina/alerts');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('alerts read, per person', () => {
  let first: string;
  beforeAll(async () => {
    await krstWoman(platform, bidan, { name: 'Ibu Peringatan Satu' });
    await krstWoman(platform, bidan, { name: 'Ibu Peringatan Dua' });
  });

  it('starts unread for everyone who receives them, with the count', async () => {
    const mine = await alertsOf(bidan);
    const risk = mine.items.filter((a) => a.kind === 'risk_found');
    expect(risk.map((a) => a.woman.name).sort()).toEqual(['Ibu Peringatan Dua', 'Ibu Peringatan Satu']);
    expect(mine.items.every((a) => a.read === false)).toBe(true);
    expect(mine.unread).toBe(mine.items.length);
    first = risk.find((a) => a.woman.name === 'Ibu Peringatan Satu')!.id;
    expect((await alertsOf(kader)).unread).toBeGreaterThanOrEqual(2);
  });

  it('marks one alert read for the midwife only', async () => {
    const before = (await alertsOf(bidan)).unread;
    const res = await bidan.post(`/api/sakina/alerts/${first}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 1, unread: before - 1 });
    const mine = await alertsOf(bidan);
    expect(mine.items.find((a) => a.id === first)!.read).toBe(true);
    expect(mine.unread).toBe(before - 1);
    // Twice is harmless.
    expect((await bidan.post(`/api/sakina/alerts/${first}/read`)).json()).toEqual({ marked: 0, unread: before - 1 });
    // The kader still has it unread.
    const kaders = await alertsOf(kader);
    expect(kaders.items.find((a) => a.id === first)!.read).toBe(false);
  });

  it('marks all of mine read, and a new alert comes in unread', async () => {
    const kaderBefore = (await alertsOf(kader)).unread;
    const res = await kader.post('/api/sakina/alerts/read');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: kaderBefore, unread: 0 });
    expect((await alertsOf(kader)).items.every((a) => a.read)).toBe(true);
    expect((await alertsOf(bidan)).unread).toBeGreaterThan(0);

    await krstWoman(platform, bidan, { name: 'Ibu Peringatan Tiga' });
    const after = await alertsOf(kader);
    expect(after.unread).toBe(1);
    expect(after.items.find((a) => !a.read)!.woman.name).toBe('Ibu Peringatan Tiga');
  });

  it('refuses an alert the person does not receive', async () => {
    // Another puskesmas's midwife; the police do not receive "risk found" (clinical).
    expect((await bidanGenteng.post(`/api/sakina/alerts/${first}/read`)).statusCode).toBe(404);
    expect((await polisi.post(`/api/sakina/alerts/${first}/read`)).statusCode).toBe(404);
    expect((await bidan.post('/api/sakina/alerts/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
    expect((await platform.anonymous.post('/api/sakina/alerts/read')).statusCode).toBe(401);
  });
});
