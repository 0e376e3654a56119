import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOOD_TYPES, canDonate, checkBirthPlan, normaliseBloodType, type BirthPlan } from './p4k.ts';

const donors = [
  { name: 'Slamet', bloodType: 'O+', phone: '081234500001' },
  { name: 'Sutini', bloodType: 'O', phone: '081234500002' },
  { name: 'Bejo', bloodType: 'A+', phone: '0812 3450 0003' },
  { name: 'Wati', bloodType: 'o rh+', phone: '+6281234500004' },
];

const plan = (over: Partial<BirthPlan> = {}): BirthPlan => ({
  attendant: 'obstetrician',
  attendantName: 'dr. Hendra, SpOG',
  place: 'hospital',
  placeName: 'RSUD Genteng',
  companionName: 'Suparman',
  companionRelation: 'suami',
  transport: 'village_ambulance',
  transportDetail: 'Ambulans Desa Sempu',
  transportPhone: '081234599999',
  donors,
  funding: ['bpjs'],
  bpjsNumber: '0001234567890',
  contraception: 'iud',
  motherBloodType: 'A+',
  ...over,
});

describe('birth plan (P4K)', () => {
  it('accepts a complete plan and normalises phones and blood types', () => {
    const r = checkBirthPlan(plan(), { category: 'KRST' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.plan.donors.map((d) => d.bloodType)).toEqual(['O+', 'O+', 'A+', 'O+']);
    expect(r.plan.donors.map((d) => d.phone)).toEqual(['+6281234500001', '+6281234500002', '+6281234500003', '+6281234500004']);
    expect(r.plan.transportPhone).toBe('+6281234599999');
  });

  it('needs at least four donors, each with name, blood type and a mobile number', () => {
    const r = checkBirthPlan(plan({ donors: donors.slice(0, 3) }), { category: 'KRT' });
    expect(r.errors.map((e) => e.field)).toEqual(['donors']);
    expect(r.errors[0]!.message.id).toContain('Minimal 4');
    const bad = checkBirthPlan(plan({ donors: [...donors.slice(0, 3), { name: ' ', bloodType: 'C', phone: '12' }] }), { category: 'KRT' });
    expect(bad.errors.map((e) => e.field)).toEqual(['donors.3.name', 'donors.3.bloodType', 'donors.3.phone']);
  });

  it('refuses the same donor twice', () => {
    const r = checkBirthPlan(plan({ donors: [...donors.slice(0, 3), { name: 'Slamet lagi', bloodType: 'O', phone: '+62 812-3450-0001' }] }), { category: 'KRR' });
    expect(r.errors.map((e) => e.field)).toEqual(['donors.3.phone']);
  });

  it('warns when fewer than four donors match the mother', () => {
    const r = checkBirthPlan(plan({ motherBloodType: 'O+' , donors: donors.map((d, i) => (i === 1 ? { ...d, bloodType: 'B' } : d)) }), { category: 'KRT' });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.field)).toEqual(['donors']);
  });

  it('KRST and emergencies deliver in hospital with a doctor; KRT is warned off village posts', () => {
    expect(checkBirthPlan(plan({ place: 'puskesmas', attendant: 'midwife' }), { category: 'KRST' }).errors.map((e) => e.field)).toEqual(['place', 'attendant']);
    expect(checkBirthPlan(plan({ place: 'puskesmas' }), { category: 'KRT', emergency: true }).errors.map((e) => e.field)).toEqual(['place']);
    const krt = checkBirthPlan(plan({ place: 'poskesdes', attendant: 'midwife' }), { category: 'KRT' });
    expect(krt.ok).toBe(true);
    expect(krt.warnings.map((w) => w.field)).toEqual(['place']);
    expect(checkBirthPlan(plan({ place: 'midwife_practice', attendant: 'midwife' }), { category: 'KRR' }).ok).toBe(true);
  });

  it('needs funding, a 13-digit BPJS number when BPJS pays, companion, transport and contraception', () => {
    const r = checkBirthPlan(plan({ funding: [], companionName: '', transport: 'helicopter', transportDetail: '', contraception: 'magic', attendant: 'dukun', place: 'home', placeName: '' }), { category: 'KRR' });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['attendant', 'companionName', 'contraception', 'funding', 'place', 'placeName', 'transport', 'transportDetail'].sort());
    expect(checkBirthPlan(plan({ bpjsNumber: '12345' }), { category: 'KRST' }).errors.map((e) => e.field)).toEqual(['bpjsNumber']);
    expect(checkBirthPlan(plan({ bpjsNumber: null }), { category: 'KRST' }).errors.map((e) => e.field)).toEqual(['bpjsNumber']);
    expect(checkBirthPlan(plan({ funding: ['savings'], bpjsNumber: null }), { category: 'KRST' }).ok).toBe(true);
    expect(checkBirthPlan(plan({ transportPhone: '021 555 1234' }), { category: 'KRST' }).errors.map((e) => e.field)).toEqual(['transportPhone']);
  });

  it('writes every message in both languages', () => {
    const r = checkBirthPlan(plan({ donors: [], funding: [], motherBloodType: 'X' }), { category: 'KRST' });
    for (const e of r.errors) expect(e.message.id && e.message.en).toBeTruthy();
  });
});

describe('blood types', () => {
  it.each([
    ['o', 'O+'],
    ['O rh-', 'O-'],
    ['ab negatif', 'AB-'],
    ['B+', 'B+'],
    ['a pos', 'A+'],
    ['C', null],
    ['', null],
  ] as const)('%j → %s', (input, out) => expect(normaliseBloodType(input)).toBe(out));

  it('compatibility: O− gives to all, AB+ takes from all, Rh− takes Rh− only', () => {
    for (const r of BLOOD_TYPES) expect(canDonate('O-', r)).toBe(true);
    for (const d of BLOOD_TYPES) expect(canDonate(d, 'AB+')).toBe(true);
    expect(canDonate('O+', 'O-')).toBe(false);
    expect(canDonate('A+', 'B+')).toBe(false);
    expect(canDonate('A-', 'AB-')).toBe(true);
  });

  it('every type can give to itself (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BLOOD_TYPES), (t) => {
        expect(canDonate(t, t)).toBe(true);
      }),
    );
  });
});
