import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { agencySystem, fileApplication } from './testing.ts';

/**
 * The access matrix over HTTP with the demo accounts, for an application the demo citizen filed
 * online with Dispendukcapil: who reads it, who opens its documents, who finds it in a list, which
 * moves each one is offered.
 */
let p: TestPlatform;
let number: string;
let documentUrl: string;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-access-${process.pid}` } });
  sessions.citizen = await p.asCitizen();
  ({ number } = await fileApplication(sessions.citizen));
  documentUrl = (await sessions.citizen.get(`/api/applications/${number}`)).json().requirements[0].document.url;
  for (const username of ['loket', 'capil', 'desa.sempu', 'bidan.sempu', 'kader.sempu', 'polisi.sempu', 'admin', 'pimpinan']) sessions[username] = await p.as(username);
  p.clock.advance(1000);
  sessions['other citizen'] = await p.asCitizen('3510204107850002', '081330004000');
  sessions['capil system'] = (await agencySystem(p, 'dispendukcapil')).session;
  sessions['bpn system'] = (await agencySystem(p, 'bpn')).session;
  sessions.anonymous = p.anonymous;
});
afterAll(() => p?.close());

//             who              read  documents  listed  moves offered
const MATRIX: [string, number, number, boolean, string[]][] = [
  ['citizen', 200, 200, true, ['withdraw']],
  ['other citizen', 404, 404, false, []],
  ['loket', 200, 200, true, ['advance', 'return', 'reject']],
  ['capil', 200, 200, true, ['advance', 'return', 'reject']],
  ['capil system', 200, 200, true, ['advance', 'return', 'reject']],
  ['bpn system', 404, 404, false, []],
  ['desa.sempu', 404, 404, false, []],
  ['bidan.sempu', 404, 404, false, []],
  ['kader.sempu', 404, 404, false, []],
  ['polisi.sempu', 404, 404, false, []],
  ['admin', 200, 403, true, []],
  ['pimpinan', 404, 404, false, []],
  ['anonymous', 401, 401, false, []],
];

describe('who sees an online application to Dispendukcapil', () => {
  it.each(MATRIX)('%s: read %i, documents %i, listed %s, moves %j', async (who, read, docs, listed, moves) => {
    const s = sessions[who]!;
    const view = await s.get(`/api/applications/${number}`);
    expect(view.statusCode, view.body).toBe(read);
    if (read === 200) expect(view.json().availableActions.sort()).toEqual([...moves].sort());
    expect((await s.get(documentUrl)).statusCode).toBe(docs);
    const list = await s.get('/api/applications?limit=200');
    if (who === 'anonymous') expect(list.statusCode).toBe(401);
    else if (list.statusCode === 200) expect(list.json().items.some((i: { number: string }) => i.number === number)).toBe(listed);
    else expect([403]).toContain(list.statusCode);
  });

  it('an agency that is not involved cannot act, even knowing the number', async () => {
    const res = await sessions['bpn system']!.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance' });
    expect(res.statusCode).toBe(404);
    const admin = await sessions.admin!.post(`/api/applications/${number}/actions`, { action: 'advance' });
    expect(admin.statusCode).toBe(403);
  });
});
