import { describe, expect, it } from 'vitest';
import { CATALOGUE_SEED, MARKET_SERVICE_CODES, SEARCH_QUERIES, VILLAGE_POINT_TEMPLATE } from './index.ts';
import type { Bilingual, LifeEvent, ServicePointSeed, ServiceSeed, StandardSeed, WeeklyHours } from './types.ts';

const { documentTypes, agencies, services, servicePoints, counters, synonyms, lifeEvents } = CATALOGUE_SEED;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const ALL_LIFE_EVENTS: LifeEvent[] = ['kelahiran', 'kematian', 'pernikahan', 'pindah', 'usaha', 'kendaraan', 'kesehatan', 'pendidikan', 'pekerjaan', 'pertanahan', 'pajak', 'sosial', 'identitas'];

const serviceByCode = new Map(services.map((s) => [s.code, s]));
const docCodes = new Set(documentTypes.map((d) => d.code));
const agencyCodes = new Set(agencies.map((a) => a.code));

function duplicates(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) !== i);
}

function filled(b: Bilingual | undefined): boolean {
  return !!b && b.id.trim().length > 0 && b.en.trim().length > 0;
}

function offeredAt(point: ServicePointSeed): string[] {
  return point.serviceCodes === 'all-regency' ? services.filter((s) => s.level === 'regency').map((s) => s.code) : point.serviceCodes;
}

const BILINGUAL_COMPONENTS = [
  'product',
  'complaintHandling',
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const satisfies readonly (keyof StandardSeed)[];

describe('catalogue seed: sizes', () => {
  it('has at least 24 agencies, 230 services, 40 document types, 40 synonyms and 45 search queries', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(24);
    expect(services.length).toBeGreaterThanOrEqual(230);
    expect(documentTypes.length).toBeGreaterThanOrEqual(40);
    expect(synonyms.length).toBeGreaterThanOrEqual(40);
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(45);
  });
});

describe('catalogue seed: codes', () => {
  it('are unique and kebab-case', () => {
    for (const codes of [documentTypes.map((d) => d.code), agencies.map((a) => a.code), services.map((s) => s.code), servicePoints.map((p) => p.code)]) {
      expect(duplicates(codes)).toEqual([]);
      expect(codes.filter((c) => !KEBAB.test(c))).toEqual([]);
    }
    expect(duplicates(counters.map((c) => `${c.pointCode}/${c.code}`))).toEqual([]);
    expect(duplicates(synonyms.map((s) => s.term))).toEqual([]);
    expect(duplicates(lifeEvents.map((l) => l.code))).toEqual([]);
  });

  it('counter codes are upper-case letters usable as queue prefixes', () => {
    expect(counters.filter((c) => !/^[A-Z]{1,2}$/.test(c.code))).toEqual([]);
  });
});

describe('catalogue seed: references', () => {
  it('every requirement references an existing document type', () => {
    const missing = services.flatMap((s) => s.standard.requirements.filter((r) => !docCodes.has(r.documentCode)).map((r) => `${s.code}: ${r.documentCode}`));
    expect(missing).toEqual([]);
  });

  it('every service references an existing agency, and every agency has services', () => {
    expect(services.filter((s) => !agencyCodes.has(s.agencyCode)).map((s) => s.code)).toEqual([]);
    const used = new Set(services.map((s) => s.agencyCode));
    expect(agencies.filter((a) => !used.has(a.code)).map((a) => a.code)).toEqual([]);
  });

  it('every counter belongs to a point, and its services exist and are offered at that point', () => {
    const points = new Map(servicePoints.map((p) => [p.code, p]));
    for (const c of counters) {
      const point = points.get(c.pointCode);
      expect(point, `${c.pointCode}/${c.code}`).toBeDefined();
      if (!point) continue;
      const offered = new Set(offeredAt(point));
      expect(c.serviceCodes.length, `${c.pointCode}/${c.code} has services`).toBeGreaterThan(0);
      expect(c.serviceCodes.filter((code) => !serviceByCode.has(code) || !offered.has(code)), `${c.pointCode}/${c.code}`).toEqual([]);
      if (c.agencyCode) {
        expect(agencyCodes.has(c.agencyCode)).toBe(true);
        expect(c.serviceCodes.filter((code) => serviceByCode.get(code)?.agencyCode !== c.agencyCode), `${c.pointCode}/${c.code}`).toEqual([]);
      }
    }
  });

  it('every service offered at a point is handled by at least one of its counters', () => {
    for (const p of servicePoints) {
      const handled = new Set(counters.filter((c) => c.pointCode === p.code).flatMap((c) => c.serviceCodes));
      expect(offeredAt(p).filter((code) => !handled.has(code)), p.code).toEqual([]);
    }
    expect(VILLAGE_POINT_TEMPLATE.serviceCodes.filter((code) => !VILLAGE_POINT_TEMPLATE.counter.serviceCodes.includes(code))).toEqual([]);
  });

  it('service point lists reference existing services', () => {
    for (const p of servicePoints) expect(offeredAt(p).filter((code) => !serviceByCode.has(code)), p.code).toEqual([]);
    expect(VILLAGE_POINT_TEMPLATE.serviceCodes.filter((code) => !serviceByCode.has(code))).toEqual([]);
  });
});

describe('catalogue seed: channels and levels', () => {
  it('regency services are at the MPP; village letters are not', () => {
    expect(services.filter((s) => s.level === 'regency' && !s.channels.includes('mpp')).map((s) => s.code)).toEqual([]);
    expect(services.filter((s) => s.level === 'village' && (s.channels.includes('mpp') || s.channels.includes('market'))).map((s) => s.code)).toEqual([]);
    expect(services.filter((s) => s.channels.length === 0 || duplicates(s.channels).length > 0).map((s) => s.code)).toEqual([]);
  });

  it('market units offer regency services marked for markets, and every market service is at a market', () => {
    const atMarkets = new Set(servicePoints.filter((p) => p.kind === 'market').flatMap(offeredAt));
    for (const code of atMarkets) {
      const s = serviceByCode.get(code);
      expect(s?.level, code).toBe('regency');
      expect(s?.channels, code).toContain('market');
    }
    expect(services.filter((s) => s.channels.includes('market') && !atMarkets.has(s.code)).map((s) => s.code)).toEqual([]);
    for (const list of Object.values(MARKET_SERVICE_CODES)) {
      expect(list.length).toBeGreaterThanOrEqual(20);
      expect(list.length).toBeLessThanOrEqual(40);
      expect(duplicates(list)).toEqual([]);
    }
  });

  it('the online point offers exactly the services with the online channel', () => {
    const online = servicePoints.find((p) => p.kind === 'online');
    expect(online).toBeDefined();
    expect(new Set(online ? offeredAt(online) : [])).toEqual(new Set(services.filter((s) => s.channels.includes('online')).map((s) => s.code)));
  });

  it('the village template offers every village letter plus the regency services villages file', () => {
    const template = new Set(VILLAGE_POINT_TEMPLATE.serviceCodes);
    expect(services.filter((s) => s.channels.includes('village') && !template.has(s.code)).map((s) => s.code)).toEqual([]);
    expect(VILLAGE_POINT_TEMPLATE.serviceCodes.filter((code) => !serviceByCode.get(code)?.channels.includes('village'))).toEqual([]);
    for (const code of ['kk-baru', 'akta-kelahiran', 'akta-kematian', 'ktp-el-rusak', 'ktp-el-hilang']) expect(template.has(code), code).toBe(true);
    expect(services.filter((s) => s.level === 'village').every((s) => template.has(s.code))).toBe(true);
  });
});

describe('catalogue seed: service standards', () => {
  it('every service has its names, summary and all standard components in both languages', () => {
    const gaps: string[] = [];
    for (const s of services) {
      if (!filled(s.name)) gaps.push(`${s.code}: name`);
      if (!filled(s.summary)) gaps.push(`${s.code}: summary`);
      const st = s.standard;
      for (const key of BILINGUAL_COMPONENTS) if (!filled(st[key])) gaps.push(`${s.code}: ${key}`);
      if (st.requirements.length === 0) gaps.push(`${s.code}: requirements`);
      for (const r of st.requirements) if (r.note && !filled(r.note)) gaps.push(`${s.code}: requirement note ${r.documentCode}`);
      if (st.procedure.length < 3 || st.procedure.length > 7) gaps.push(`${s.code}: procedure has ${st.procedure.length} steps`);
      st.procedure.forEach((p, i) => filled(p) || gaps.push(`${s.code}: step ${i + 1}`));
      if (duplicates(st.procedure.map((p) => p.id)).length > 0) gaps.push(`${s.code}: repeated step`);
      if (st.legalBasis.length === 0 || st.legalBasis.some((l) => l.trim() === '')) gaps.push(`${s.code}: legalBasis`);
      if (!Number.isInteger(st.staffCount) || st.staffCount < 1) gaps.push(`${s.code}: staffCount`);
      if (!Number.isInteger(st.duration.value) || st.duration.value < 1) gaps.push(`${s.code}: duration`);
      if (s.lifeEvents.length === 0) gaps.push(`${s.code}: lifeEvents`);
    }
    expect(gaps).toEqual([]);
  });

  it('fees are non-negative integers; charged and variable fees say why', () => {
    const bad: string[] = [];
    for (const s of services) {
      const f = s.standard.fee;
      if (!Number.isInteger(f.amount) || f.amount < 0) bad.push(`${s.code}: amount ${f.amount}`);
      if (f.amount > 0 && !f.legalBasis) bad.push(`${s.code}: a charged fee needs its legal basis`);
      if (f.variable && !filled(f.note)) bad.push(`${s.code}: a variable fee needs a note`);
      if (f.note && !filled(f.note)) bad.push(`${s.code}: fee note`);
    }
    expect(bad).toEqual([]);
  });

  it('known fees match the regulations', () => {
    const fee = (code: string) => serviceByCode.get(code)?.standard.fee;
    expect(fee('skck-baru')?.amount).toBe(30_000);
    expect(fee('paspor-baru')?.amount).toBe(350_000);
    expect(fee('pendaftaran-nikah')).toMatchObject({ amount: 0 });
    expect(fee('nikah-luar-kua')?.amount).toBe(600_000);
    expect(fee('npwp-orang-pribadi')).toMatchObject({ amount: 0 });
    for (const s of services.filter((x) => x.agencyCode === 'dispendukcapil')) expect(s.standard.fee, s.code).toMatchObject({ amount: 0 });
  });

  it('keywords are lower case and there are at least three per service', () => {
    expect(services.filter((s) => s.keywords.length < 3).map((s) => s.code)).toEqual([]);
    expect(services.flatMap((s) => s.keywords.filter((k) => k !== k.toLowerCase() || k.trim() !== k || k === ''))).toEqual([]);
  });
});

describe('catalogue seed: life events', () => {
  it('lists all thirteen life events in both languages', () => {
    expect(new Set(lifeEvents.map((l) => l.code))).toEqual(new Set(ALL_LIFE_EVENTS));
    expect(lifeEvents.filter((l) => !filled(l.name) || !filled(l.description)).map((l) => l.code)).toEqual([]);
  });

  it('every life event is covered by at least three services', () => {
    for (const event of ALL_LIFE_EVENTS) {
      expect(services.filter((s) => s.lifeEvents.includes(event)).length, event).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('catalogue seed: service points', () => {
  function checkHours(label: string, hours: WeeklyHours) {
    for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
      const h = hours[day];
      if (!h) continue;
      expect(h.open, `${label} day ${day}`).toMatch(CLOCK);
      expect(h.close, `${label} day ${day}`).toMatch(CLOCK);
      expect(h.open < h.close, `${label} day ${day}`).toBe(true);
    }
  }

  it('has the MPP, two market units and the online channel, with valid hours', () => {
    expect(servicePoints.filter((p) => p.kind === 'mpp')).toHaveLength(1);
    expect(servicePoints.filter((p) => p.kind === 'market').map((p) => p.code).sort()).toEqual(['ppp-genteng', 'ppp-rogojampi']);
    expect(servicePoints.filter((p) => p.kind === 'online')).toHaveLength(1);
    for (const p of servicePoints) {
      checkHours(p.code, p.hours);
      expect(p.address.trim()).not.toBe('');
      expect(filled(p.name)).toBe(true);
      if (p.fridayBreak) {
        const friday = p.hours[5];
        expect(friday, p.code).not.toBeNull();
        expect(p.fridayBreak.start < p.fridayBreak.end).toBe(true);
        if (friday) expect(friday.open <= p.fridayBreak.start && p.fridayBreak.end <= friday.close, p.code).toBe(true);
      }
    }
    checkHours('village', VILLAGE_POINT_TEMPLATE.hours);
  });

  it('MPP hours follow the published schedule', () => {
    const mpp = servicePoints.find((p) => p.kind === 'mpp');
    expect(mpp?.hours[1]).toEqual({ open: '08:00', close: '15:00' });
    expect(mpp?.hours[5]).toEqual({ open: '08:00', close: '14:00' });
    expect(mpp?.fridayBreak).toEqual({ start: '11:30', end: '13:00' });
    expect(mpp?.hours[6]).toEqual({ open: '08:00', close: '12:00' });
    expect(mpp?.hours[7]).toBeNull();
  });

  it('market units declare their busy pasaran days', () => {
    for (const p of servicePoints.filter((x) => x.kind === 'market')) {
      expect(p.marketDays?.pasaran.length, p.code).toBeGreaterThan(0);
      expect(p.marketDays?.open).toMatch(CLOCK);
      expect(p.marketDays?.close).toMatch(CLOCK);
    }
  });
});

describe('catalogue seed: search', () => {
  const expansions = new Map(synonyms.map((s) => [s.term, s.expandsTo]));

  /** The query and its one-step synonym rewrites (whole words or phrases). */
  function variants(query: string): string[] {
    const out = new Set([query]);
    for (const [term, targets] of expansions) {
      const re = new RegExp(`(^|\\s)${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
      if (re.test(query)) for (const t of targets) out.add(query.replace(re, `$1${t}`));
    }
    return [...out];
  }

  it('synonyms are lower case and expand to something else', () => {
    for (const s of synonyms) {
      expect(s.term).toBe(s.term.toLowerCase());
      expect(s.expandsTo.length, s.term).toBeGreaterThan(0);
      expect(s.expandsTo.includes(s.term), s.term).toBe(false);
    }
  });

  it('every search query names an existing service', () => {
    expect(SEARCH_QUERIES.filter((q) => !serviceByCode.has(q.expect)).map((q) => q.query)).toEqual([]);
    expect(duplicates(SEARCH_QUERIES.map((q) => q.query))).toEqual([]);
  });

  it('every search query (or a synonym rewrite) is a keyword of exactly its expected service', () => {
    const problems: string[] = [];
    for (const q of SEARCH_QUERIES) {
      const target = serviceByCode.get(q.expect) as ServiceSeed;
      const hit = variants(q.query).find((v) => target.keywords.includes(v));
      if (!hit) {
        problems.push(`"${q.query}" is not a keyword of ${q.expect}`);
        continue;
      }
      const others = services.filter((s) => s.code !== q.expect && s.keywords.includes(hit)).map((s) => s.code);
      if (others.length > 0) problems.push(`"${hit}" is also a keyword of ${others.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
