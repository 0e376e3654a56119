import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { SEARCH_QUERIES } from './seed/search-queries.ts';

/**
 * Search in Indonesian on the real database (PGlite or PostgreSQL, the same SQL): every query of
 * the seed must find its intended service in the top 3. The extra queries below are typed the way
 * people really type: with typos and without spaces; none of them is a keyword of the seed.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
});
afterAll(async () => {
  await platform?.close();
});

const TYPOS_AND_GLUED_WORDS = [
  { query: 'ktp hlang', expect: 'ktp-el-hilang' },
  { query: 'kehilngan ktp', expect: 'ktp-el-hilang' },
  { query: 'aktalahir', expect: 'akta-kelahiran' },
  { query: 'akta kelahran', expect: 'akta-kelahiran' },
  { query: 'kartukeluarga baru', expect: 'kk-baru' },
  { query: 'pasprot', expect: 'paspor-baru' },
  { query: 'sertifikat tanh', expect: 'sertifikat-tanah-pertama' },
  { query: 'skck perpanjangan', expect: 'skck-perpanjangan' },
  { query: 'baliknama motor', expect: 'balik-nama-kendaraan' },
  { query: 'surat kterangan usaha', expect: 'sk-usaha' },
  { query: 'Akte Kelahiran', expect: 'akta-kelahiran' },
  { query: 'PERPANJANG SIM', expect: 'sim-perpanjangan' },
];

async function search(q: string, extra = ''): Promise<{ code: string; score: number }[]> {
  const res = await platform.anonymous.get(`/api/catalogue/services?q=${encodeURIComponent(q)}&limit=10${extra}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('catalogue search', () => {
  it(`finds the intended service in the top 3 for all ${SEARCH_QUERIES.length} seed queries`, async () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    for (const { query, expect: code } of SEARCH_QUERIES) {
      const top = (await search(query)).slice(0, 3).map((s) => s.code);
      if (!top.includes(code)) misses.push(`"${query}" → ${code}, got ${top.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('forgives typos, missing spaces and capitals', async () => {
    const misses: string[] = [];
    for (const { query, expect: code } of TYPOS_AND_GLUED_WORDS) {
      const top = (await search(query)).slice(0, 3).map((s) => s.code);
      if (!top.includes(code)) misses.push(`"${query}" → ${code}, got ${top.join(', ')}`);
    }
    expect(misses).toEqual([]);
  });

  it('understands a question in everyday words', async () => {
    expect((await search('bagaimana cara mengurus ktp yang hilang')).slice(0, 3).map((s) => s.code)).toContain('ktp-el-hilang');
    expect((await search('syarat bikin paspor')).slice(0, 3).map((s) => s.code)).toContain('paspor-baru');
  });

  it('orders by relevance and narrows by agency, life event and point', async () => {
    const all = await search('akta');
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((s) => s.score)).toEqual([...all.map((s) => s.score)].sort((a, b) => b - a));
    const religious = await search('nikah', '&agency=kemenag');
    expect(religious.length).toBeGreaterThan(0);
    expect(religious.every((s) => (s as unknown as { agency: { code: string } }).agency.code === 'kemenag')).toBe(true);
    const births = await search('akta', '&lifeEvent=kelahiran');
    expect(births.map((s) => s.code)).toContain('akta-kelahiran');
    expect(births.map((s) => s.code)).not.toContain('akta-kematian');
    const atMarket = await search('paspor', '&point=ppp-genteng');
    expect(atMarket.map((s) => s.code)).not.toContain('paspor-baru');
  });

  it('finds nothing for nonsense instead of everything', async () => {
    expect(await search('qwzx vbnm')).toEqual([]);
  });

  it('expands synonyms entered by the admin table itself, in SQL', async () => {
    // 'imb' is the old name of PBG: only the synonym table links them.
    expect((await search('imb')).slice(0, 3).map((s) => s.code)).toContain('pbg');
  });
});
