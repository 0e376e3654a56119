import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFactors,
  applyRetractions,
  cardColumns,
  categoryOf,
  deriveFactors,
  fillCard,
  isHighRisk,
  isKsprFactor,
  KSPR_FACTOR_CODES,
  KSPR_FACTORS,
  newDangerSigns,
  recommendationFor,
  riskFoundOnOf,
  scoreKspr,
  type KsprFactor,
  type Screening,
} from './kspr.ts';

// The card row by row: [factor, group, score]. Every factor of PRODUCT.md §5 and the card.
const CARD: [KsprFactor, 'I' | 'II' | 'III', 4 | 8][] = [
  ['young_primi', 'I', 4],
  ['old_primi', 'I', 4],
  ['late_primi', 'I', 4],
  ['long_interval', 'I', 4],
  ['short_interval', 'I', 4],
  ['grand_multipara', 'I', 4],
  ['older_age', 'I', 4],
  ['short_stature', 'I', 4],
  ['previous_loss', 'I', 4],
  ['previous_instrumental', 'I', 4],
  ['manual_placenta', 'I', 4],
  ['infusion_transfusion', 'I', 4],
  ['previous_caesarean', 'I', 8],
  ['anaemia', 'II', 4],
  ['malaria', 'II', 4],
  ['tuberculosis', 'II', 4],
  ['heart_failure', 'II', 4],
  ['diabetes', 'II', 4],
  ['sti', 'II', 4],
  ['oedema_hypertension', 'II', 4],
  ['twins', 'II', 4],
  ['polyhydramnios', 'II', 4],
  ['fetal_death', 'II', 4],
  ['post_term', 'II', 4],
  ['breech', 'II', 8],
  ['transverse_lie', 'II', 8],
  ['bleeding', 'III', 8],
  ['severe_preeclampsia', 'III', 8],
];

const anyFactors = fc.uniqueArray(fc.constantFrom(...KSPR_FACTOR_CODES));

describe('the card', () => {
  it('has exactly the rows of the Poedji Rochjati card, in order', () => {
    expect(KSPR_FACTOR_CODES).toEqual(CARD.map(([f]) => f));
    for (const [f, group, score] of CARD) expect(KSPR_FACTORS[f]).toMatchObject({ group, score });
  });

  it('scores 8 for exactly the five heavy factors', () => {
    const eights = KSPR_FACTOR_CODES.filter((f) => KSPR_FACTORS[f].score === 8);
    expect(eights.sort()).toEqual(['bleeding', 'breech', 'previous_caesarean', 'severe_preeclampsia', 'transverse_lie']);
  });

  it('labels every factor in both languages', () => {
    for (const f of KSPR_FACTOR_CODES) {
      expect(KSPR_FACTORS[f].label.id.length).toBeGreaterThan(3);
      expect(KSPR_FACTORS[f].label.en.length).toBeGreaterThan(3);
    }
  });

  it('knows its factor codes', () => {
    expect(isKsprFactor('breech')).toBe(true);
    expect(isKsprFactor('toString')).toBe(false);
    expect(isKsprFactor('')).toBe(false);
  });
});

describe('scoring one factor at a time', () => {
  it('starts at 2: low risk, midwife, no referral', () => {
    const r = scoreKspr([]);
    expect(r).toMatchObject({ score: 2, category: 'KRR', emergency: false, factors: [] });
    expect(r.recommendation.referral).toBe('none');
    expect(r.recommendation.attendant.en).toBe('Midwife');
  });

  it.each(CARD)('%s (group %s) adds %i', (factor, group, score) => {
    const r = scoreKspr([factor]);
    expect(r.score).toBe(2 + score);
    expect(r.byGroup[group]).toEqual([factor]);
    expect(r.category).toBe(score === 4 ? 'KRT' : 'KRT'); // 6 and 10 are both high risk
    expect(r.emergency).toBe(group === 'III');
    expect(r.recommendation.referral).toBe(group === 'III' ? 'emergency' : 'planned');
  });

  it('counts a factor once however often it is ticked', () => {
    expect(scoreKspr(['anaemia', 'anaemia', 'anaemia']).score).toBe(6);
  });
});

describe('category bands', () => {
  it.each([
    [2, 'KRR'],
    [5, 'KRR'],
    [6, 'KRT'],
    [10, 'KRT'],
    [11, 'KRT'],
    [12, 'KRST'],
    [14, 'KRST'],
    [90, 'KRST'],
  ] as const)('%i is %s', (score, category) => {
    expect(categoryOf(score)).toBe(category);
  });

  it('reaches KRST with two factors of 4 and one of 8, or with two of 8', () => {
    expect(scoreKspr(['anaemia', 'older_age', 'breech'])).toMatchObject({ score: 18, category: 'KRST' });
    expect(scoreKspr(['previous_caesarean', 'breech'])).toMatchObject({ score: 18, category: 'KRST' });
    expect(scoreKspr(['anaemia', 'older_age'])).toMatchObject({ score: 10, category: 'KRT' });
    expect(scoreKspr(['anaemia', 'older_age', 'twins'])).toMatchObject({ score: 14, category: 'KRST' });
  });

  it('recommends attendant and place by category', () => {
    expect(recommendationFor('KRR', false).place.id).toContain('puskesmas');
    expect(recommendationFor('KRT', false).attendant.en).toBe('Midwife or doctor');
    expect(recommendationFor('KRT', false).place.en).toContain('hospital');
    expect(recommendationFor('KRST', false)).toMatchObject({ referral: 'planned', attendant: { en: 'Obstetrician' } });
    expect(recommendationFor('KRST', false).place.en).toContain('Hospital');
    expect(isHighRisk('KRR')).toBe(false);
    expect(isHighRisk('KRT')).toBe(true);
    expect(isHighRisk('KRST')).toBe(true);
    expect(isHighRisk(null)).toBe(false);
  });

  it('makes any group III factor an emergency, whatever the total', () => {
    const bleedingOnly = scoreKspr(['bleeding']);
    expect(bleedingOnly).toMatchObject({ score: 10, category: 'KRT', emergency: true });
    expect(bleedingOnly.recommendation.referral).toBe('emergency');
    expect(bleedingOnly.recommendation.place.en).toContain('Hospital');
    expect(scoreKspr(['severe_preeclampsia', 'anaemia', 'twins']).emergency).toBe(true);
  });
});

describe('properties', () => {
  it('score = 2 + Σ factor scores, always 2 mod 4, category from the score', () => {
    fc.assert(
      fc.property(anyFactors, (factors) => {
        const r = scoreKspr(factors);
        expect(r.score).toBe(2 + factors.reduce((s, f) => s + KSPR_FACTORS[f].score, 0));
        expect(r.score % 4).toBe(2);
        expect(r.category).toBe(categoryOf(r.score));
        expect(r.factors.length).toBe(factors.length);
        expect(r.emergency).toBe(factors.some((f) => KSPR_FACTORS[f].group === 'III'));
      }),
    );
  });

  it('adding a factor never lowers the score or the category', () => {
    const rank = { KRR: 0, KRT: 1, KRST: 2 };
    fc.assert(
      fc.property(anyFactors, fc.constantFrom(...KSPR_FACTOR_CODES), (factors, extra) => {
        const before = scoreKspr(factors);
        const after = scoreKspr([...factors, extra]);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(rank[after.category]).toBeGreaterThanOrEqual(rank[before.category]);
      }),
    );
  });

  it('the order factors are ticked in does not matter', () => {
    fc.assert(
      fc.property(anyFactors, (factors) => {
        expect(scoreKspr([...factors].reverse())).toEqual(scoreKspr(factors));
      }),
    );
  });

  it('one factor alone never makes KRST; two, one of them 8, always do', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KSPR_FACTOR_CODES), fc.constantFrom(...KSPR_FACTOR_CODES), (a, b) => {
        expect(scoreKspr([a]).category).toBe('KRT');
        if (a !== b && (KSPR_FACTORS[a].score === 8 || KSPR_FACTORS[b].score === 8)) expect(scoreKspr([a, b]).category).toBe('KRST');
      }),
    );
  });
});

describe('factors the register already knows (group I)', () => {
  const hpht = '2026-06-01';
  it('young and old first pregnancies, older multigravida', () => {
    expect(deriveFactors({ birthDate: '2010-05-31', hpht, gravida: 1 })).toEqual(['young_primi']); // 16
    expect(deriveFactors({ birthDate: '2009-06-02', hpht, gravida: 1 })).toEqual(['young_primi']); // still 16, 17 the next day
    expect(deriveFactors({ birthDate: '2009-06-01', hpht, gravida: 1 })).toEqual([]); // 17 that day
    expect(deriveFactors({ birthDate: '1991-06-01', hpht, gravida: 1 })).toEqual(['old_primi']); // 35 that day
    expect(deriveFactors({ birthDate: '1991-06-02', hpht, gravida: 1 })).toEqual([]); // 34
    expect(deriveFactors({ birthDate: '1990-01-01', hpht, gravida: 3, para: 2 })).toEqual(['older_age']);
  });

  it('marriage before a first pregnancy, intervals, parity, height, losses, caesarean', () => {
    expect(deriveFactors({ hpht, gravida: 1, marriageDate: '2022-05-01' })).toEqual(['late_primi']);
    expect(deriveFactors({ hpht, gravida: 1, marriageDate: '2023-01-01' })).toEqual([]);
    expect(deriveFactors({ hpht, gravida: 2, para: 1, lastBirthDate: '2016-05-01' })).toEqual(['long_interval']);
    expect(deriveFactors({ hpht, gravida: 2, para: 1, lastBirthDate: '2025-01-01' })).toEqual(['short_interval']);
    expect(deriveFactors({ hpht, gravida: 2, para: 1, lastBirthDate: '2020-01-01' })).toEqual([]);
    expect(deriveFactors({ hpht, gravida: 5, para: 4 })).toEqual(['grand_multipara']);
    expect(deriveFactors({ hpht, gravida: 5, para: 4, livingChildren: 3 })).toEqual([]);
    expect(deriveFactors({ heightCm: 145 })).toEqual(['short_stature']);
    expect(deriveFactors({ heightCm: 146 })).toEqual([]);
    expect(deriveFactors({ abortus: 1 })).toEqual(['previous_loss']);
    expect(deriveFactors({ previousCaesarean: true })).toEqual(['previous_caesarean']);
    expect(deriveFactors({})).toEqual([]);
  });
});

describe('the card over visits: a factor once found stays', () => {
  const visits: Screening[] = [
    { date: '2026-03-01', gaDays: 70, factors: [] }, // I
    { date: '2026-05-01', gaDays: 131, factors: ['anaemia'] }, // II
    { date: '2026-07-10', gaDays: 201, factors: ['breech'] }, // III.1: anaemia treated, not ticked again
    { date: '2026-08-20', gaDays: 242, factors: [] }, // III.2: baby turned, still counted
  ];

  it('scores each visit on everything found so far, in its column', () => {
    const card = fillCard(visits);
    expect(card.map((e) => [e.column, e.result.score, e.result.category])).toEqual([
      ['I', 2, 'KRR'],
      ['II', 6, 'KRT'],
      ['III.1', 14, 'KRST'],
      ['III.2', 14, 'KRST'],
    ]);
    expect(card.map((e) => e.newlyFound)).toEqual([[], ['anaemia'], ['breech'], []]);
    expect(cardColumns(visits)).toMatchObject({ I: { score: 2 }, II: { score: 6 }, 'III.1': { score: 14 }, 'III.2': { score: 14 } });
    expect(cardColumns(visits.slice(0, 1))).toMatchObject({ I: { score: 2 }, II: null, 'III.1': null, 'III.2': null });
  });

  it('sorts visits by date whatever order they were entered', () => {
    expect(fillCard([...visits].reverse()).map((e) => e.result.score)).toEqual([2, 6, 14, 14]);
  });

  it('keeps factors until 42 days after delivery, then closes the card', () => {
    expect(activeFactors(visits, '2026-08-21', null)).toEqual(['anaemia', 'breech']);
    expect(activeFactors(visits, '2026-06-01', null)).toEqual(['anaemia']);
    expect(activeFactors(visits, '2026-10-20', '2026-09-08')).toEqual(['anaemia', 'breech']); // day 42
    expect(activeFactors(visits, '2026-10-21', '2026-09-08')).toEqual([]); // day 43
  });

  it('never lowers the score as visits are added (property)', () => {
    const screening = fc.record({
      date: fc.integer({ min: 0, max: 280 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
      gaDays: fc.integer({ min: 0, max: 300 }),
      factors: anyFactors,
    });
    fc.assert(
      fc.property(fc.array(screening, { maxLength: 8 }), (list) => {
        const scores = fillCard(list).map((e) => e.result.score);
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
        const all = new Set(list.flatMap((s) => s.factors));
        expect(scores.at(-1) ?? 2).toBe(scoreKspr(all).score);
      }),
    );
  });

  it('reports new danger signs (groups II and III) only', () => {
    expect(newDangerSigns(['anaemia'], ['anaemia', 'bleeding', 'older_age'])).toEqual(['bleeding']);
    expect(newDangerSigns([], ['older_age'])).toEqual([]);
  });
});

describe('retractions', () => {
  const visits = [
    { date: '2026-06-01', gaDays: 70, factors: ['anaemia'] as KsprFactor[], recordedAt: 1000 },
    { date: '2026-09-01', gaDays: 160, factors: ['breech'] as KsprFactor[], recordedAt: 2000 },
  ];

  it('withdraws a factor from the screenings recorded before the retraction, and shows it struck', () => {
    const after = applyRetractions(visits, [{ factor: 'breech', at: 3000 }]);
    expect(after.map((s) => [s.factors, s.retracted])).toEqual([
      [['anaemia'], []],
      [[], ['breech']],
    ]);
    const card = fillCard(after);
    expect(card.map((e) => [e.result.score, e.retracted])).toEqual([
      [6, []],
      [6, ['breech']],
    ]);
  });

  it('counts a factor again when a screening recorded after the retraction finds it', () => {
    const later = [...visits, { date: '2026-10-01', gaDays: 190, factors: ['breech'] as KsprFactor[], recordedAt: 4000 }];
    const after = applyRetractions(later, [{ factor: 'breech', at: 3000 }]);
    expect(scoreKspr(activeFactors(after, '2026-10-01', null)).score).toBe(14);
    expect(after[1]!.retracted).toEqual(['breech']);
    expect(after[2]!.retracted).toEqual([]);
  });

  it('dates the risk from the first screening that is still high-risk after retractions', () => {
    expect(riskFoundOnOf(applyRetractions(visits, []))).toBe('2026-06-01');
    expect(riskFoundOnOf(applyRetractions(visits, [{ factor: 'anaemia', at: 3000 }]))).toBe('2026-09-01');
    expect(riskFoundOnOf(applyRetractions(visits, [{ factor: 'anaemia', at: 3000 }, { factor: 'breech', at: 3000 }]))).toBeNull();
  });
});
