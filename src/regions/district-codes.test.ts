import { describe, expect, it } from 'vitest';
import { isKecamatanNikPrefix, kecamatanByNikPrefix } from './district-codes.ts';

describe('kecamatanByNikPrefix', () => {
  const districts = kecamatanByNikPrefix();

  it('loads every district row of idn-area-data, keyed by 6 digits', () => {
    expect(districts.size).toBeGreaterThan(7000);
    for (const key of districts.keys()) expect(key).toMatch(/^[0-9]{6}$/);
  });

  it('keeps the dotted code, name and regency of each kecamatan', () => {
    expect(districts.get('351001')).toEqual({ code: '35.10.01', name: 'Pesanggaran', regencyCode: '35.10' });
    expect(districts.get('351016')).toEqual({ code: '35.10.16', name: 'Banyuwangi', regencyCode: '35.10' });
  });

  it('has the 25 kecamatan of Kabupaten Banyuwangi (35.10)', () => {
    const banyuwangi = [...districts.values()].filter((k) => k.regencyCode === '35.10');
    expect(banyuwangi).toHaveLength(25);
    expect(banyuwangi.map((k) => k.code)).toContain('35.10.25');
  });

  it('reads quoted names as csv, not by splitting on commas', () => {
    // The file writes this name as "Ra""as".
    expect(districts.get('352922')?.name).toBe('Ra"as');
    for (const k of districts.values()) expect(k.name).not.toMatch(/^"|"$/);
  });

  it('is read once and cached', () => {
    expect(kecamatanByNikPrefix()).toBe(districts);
  });

  it('answers the predicate parseNik needs', () => {
    expect(isKecamatanNikPrefix('351010')).toBe(true);
    expect(isKecamatanNikPrefix('351099')).toBe(false);
    expect(isKecamatanNikPrefix('35.10.10')).toBe(false);
  });
});
