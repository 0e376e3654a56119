import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kecamatanByNikPrefix } from '../regions/district-codes.ts';
import {
  buildNik,
  maskKk,
  maskNik,
  type NikInvalidReason,
  nikReasonMessage,
  parseNik,
  type Sex,
} from './nik.ts';

// 15 June 2025, mid-morning in WIB: fixed so that century choices are deterministic.
const TODAY = new Date('2025-06-15T10:00:00+07:00');
const KNOWN = new Set(['351001', '351020', '357801']);
const opts = { isKecamatan: (code6: string) => KNOWN.has(code6), today: TODAY };
const anyKecamatan = { isKecamatan: () => true, today: TODAY };

function reasonOf(input: unknown, options = opts): NikInvalidReason | 'ok' {
  const result = parseNik(input, options);
  return result.ok ? 'ok' : result.reason;
}

/** `ddmmyy` with Pesanggaran (351001) and serial 0001 around it. */
function withDate(ddmmyy: string): string {
  return `351001${ddmmyy}0001`;
}

describe('parseNik: a valid NIK', () => {
  it('splits a man’s NIK into its parts', () => {
    expect(parseNik('3510011505900001', opts)).toEqual({
      ok: true,
      nik: '3510011505900001',
      kecamatanCode: '35.10.01',
      birthDate: '1990-05-15',
      sex: 'M',
      serial: '0001',
    });
  });

  it('reads a woman’s day as DD + 40', () => {
    expect(parseNik('3510015505900002', opts)).toMatchObject({ birthDate: '1990-05-15', sex: 'F', serial: '0002' });
    expect(parseNik(withDate('410190'), opts)).toMatchObject({ birthDate: '1990-01-01', sex: 'F' });
    expect(parseNik(withDate('710190'), opts)).toMatchObject({ birthDate: '1990-01-31', sex: 'F' });
  });

  it('accepts the days at the edges of the man’s range', () => {
    expect(parseNik(withDate('010190'), opts)).toMatchObject({ birthDate: '1990-01-01', sex: 'M' });
    expect(parseNik(withDate('310190'), opts)).toMatchObject({ birthDate: '1990-01-31', sex: 'M' });
  });

  it('accepts serial 9999', () => {
    expect(parseNik('3510011505909999', opts)).toMatchObject({ serial: '9999' });
  });
});

describe('parseNik: separators and whitespace', () => {
  it.each([
    ['grouped by spaces', '3510 0115 0590 0001'],
    ['grouped by parts', '351001 150590 0001'],
    ['dotted region', '35.10.01.150590.0001'],
    ['dashes', '351001-150590-0001'],
    ['en dash from a phone keyboard', '351001–150590–0001'],
    ['surrounding whitespace and newline', '  3510011505900001 \n'],
    ['tab and non-breaking space', '3510\t0115\u00a00590 0001'],
  ])('accepts %s', (_label, input) => {
    expect(parseNik(input, opts)).toMatchObject({ ok: true, nik: '3510011505900001' });
  });
});

describe('parseNik: each reason', () => {
  it('empty: nothing, or only whitespace', () => {
    for (const input of ['', '   ', '\n\t', undefined, null]) expect(reasonOf(input)).toBe('empty');
  });

  it('not_text: numbers and other non-strings (a number cannot hold 16 digits exactly)', () => {
    for (const input of [3510011505900001, 3510011505900001n, {}, [], true, ['3510011505900001']]) {
      expect(reasonOf(input)).toBe('not_text');
    }
  });

  it('not_digits: letters, signs, non-ASCII digits, or separators alone', () => {
    for (const input of [
      '3510O11505900001', // letter O for zero
      '351001150590000l', // letter l for one
      '+6281234567890',
      '3510/01/150590/0001',
      '３５１００１１５０５９００００１', // full-width digits
      '- - -',
      '...',
    ]) {
      expect(reasonOf(input)).toBe('not_digits');
    }
  });

  it('wrong_length: too short or too long, with the count found', () => {
    expect(parseNik('351001150590001', opts)).toEqual({ ok: false, reason: 'wrong_length', details: { digitCount: 15 } });
    expect(parseNik('35100115059000011', opts)).toMatchObject({ reason: 'wrong_length', details: { digitCount: 17 } });
    expect(reasonOf('1')).toBe('wrong_length');
  });

  it('unknown_kecamatan: a prefix missing from the region list, with the prefix', () => {
    expect(parseNik('3599991505900001', opts)).toEqual({
      ok: false,
      reason: 'unknown_kecamatan',
      details: { kecamatanCode6: '359999' },
    });
  });

  it('invalid_birth_date: day 00, 32–40, 72 and up; month 00 or 13 and up', () => {
    for (const ddmmyy of ['000190', '320190', '400190', '720190', '990190', '010090', '011390', '019990']) {
      expect(reasonOf(withDate(ddmmyy))).toBe('invalid_birth_date');
    }
  });

  it('invalid_birth_date: the 31st of a 30-day month, for men and women', () => {
    for (const mm of ['04', '06', '09', '11']) {
      expect(reasonOf(withDate(`31${mm}90`))).toBe('invalid_birth_date');
      expect(reasonOf(withDate(`71${mm}90`))).toBe('invalid_birth_date');
      expect(reasonOf(withDate(`30${mm}90`))).toBe('ok');
    }
    for (const mm of ['01', '03', '05', '07', '08', '10', '12']) expect(reasonOf(withDate(`31${mm}90`))).toBe('ok');
  });

  it('birth_date_in_future: only when neither century is in the past (a back-dated today)', () => {
    const in1950 = { ...opts, today: new Date('1950-01-01T12:00:00+07:00') };
    expect(reasonOf(withDate('010160'), in1950)).toBe('birth_date_in_future');
    expect(reasonOf(withDate('010140'), in1950)).toBe('ok');
  });

  it('zero_serial: 0000 is never issued', () => {
    expect(reasonOf('3510011505900000')).toBe('zero_serial');
  });

  it('reports the first problem in reading order: length, region, date, serial', () => {
    expect(reasonOf('35999900009')).toBe('wrong_length');
    expect(reasonOf('3599990000000000')).toBe('unknown_kecamatan');
    expect(reasonOf('3510010000000000')).toBe('invalid_birth_date');
  });
});

describe('parseNik: leap years', () => {
  it('has 29 February only in leap years', () => {
    expect(parseNik(withDate('290296'), opts)).toMatchObject({ birthDate: '1996-02-29' });
    expect(parseNik(withDate('690204'), opts)).toMatchObject({ birthDate: '2004-02-29', sex: 'F' });
    expect(reasonOf(withDate('290297'))).toBe('invalid_birth_date');
    expect(reasonOf(withDate('690223'))).toBe('invalid_birth_date');
    expect(reasonOf(withDate('300296'))).toBe('invalid_birth_date');
  });

  it('treats 2000 as a leap year and 1900 as not', () => {
    expect(parseNik(withDate('290200'), opts)).toMatchObject({ birthDate: '2000-02-29' });
    // Before 29 Feb 2000, "00" means 1900, which had no 29 February.
    const in1999 = { ...opts, today: new Date('1999-12-31T12:00:00+07:00') };
    expect(reasonOf(withDate('290200'), in1999)).toBe('invalid_birth_date');
    expect(parseNik(withDate('280200'), in1999)).toMatchObject({ birthDate: '1900-02-28' });
  });
});

describe('parseNik: century of a two-digit year', () => {
  it.each([
    ['150625', '2025-06-15'], // born today
    ['160625', '1925-06-16'], // tomorrow in 2025 is impossible, so 1925
    ['010100', '2000-01-01'],
    ['311299', '1999-12-31'],
    ['010126', '1926-01-01'],
    ['311224', '2024-12-31'],
  ])('%s → %s', (ddmmyy, birthDate) => {
    expect(parseNik(withDate(ddmmyy), opts)).toMatchObject({ birthDate });
  });

  it('uses the calendar date in Asia/Jakarta, not UTC', () => {
    // 00:30 WIB on 15 June is still 14 June in UTC.
    const justAfterMidnightWib = { ...opts, today: new Date('2025-06-14T17:30:00Z') };
    expect(parseNik(withDate('150625'), justAfterMidnightWib)).toMatchObject({ birthDate: '2025-06-15' });
    const justBeforeMidnightWib = { ...opts, today: new Date('2025-06-14T16:59:59Z') };
    expect(parseNik(withDate('150625'), justBeforeMidnightWib)).toMatchObject({ birthDate: '1925-06-15' });
  });

  it('falls back to the clock rather than throwing on an invalid today', () => {
    expect(parseNik(withDate('150590'), { ...opts, today: new Date(Number.NaN) })).toMatchObject({ ok: true });
  });
});

describe('parseNik with the real region list', () => {
  const districts = kecamatanByNikPrefix();
  const real = { isKecamatan: (code6: string) => districts.has(code6), today: TODAY };

  it('accepts a NIK from each of the 25 kecamatan of Banyuwangi', () => {
    const codes = [...districts.values()].filter((k) => k.regencyCode === '35.10').map((k) => k.code);
    expect(codes).toHaveLength(25);
    for (const code of codes) {
      const nik = buildNik({ kecamatanCode6: code, birthDate: '1987-08-17', sex: 'F', serial: 12 });
      expect(parseNik(nik, real)).toMatchObject({ ok: true, kecamatanCode: code, birthDate: '1987-08-17' });
    }
  });

  it('rejects a kecamatan number Banyuwangi does not have, and a made-up province', () => {
    expect(reasonOf('3510261708870012', real)).toBe('unknown_kecamatan');
    expect(reasonOf('9999991708870012', real)).toBe('unknown_kecamatan');
  });
});

describe('nikReasonMessage', () => {
  const reasons: NikInvalidReason[] = [
    'empty',
    'not_text',
    'not_digits',
    'wrong_length',
    'unknown_kecamatan',
    'invalid_birth_date',
    'birth_date_in_future',
    'zero_serial',
  ];

  it('has a distinct message for every reason in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const messages = reasons.map((r) => nikReasonMessage(r, lang));
      for (const m of messages) expect(m.length).toBeGreaterThan(5);
      expect(new Set(messages).size).toBe(reasons.length);
    }
    for (const r of reasons) expect(nikReasonMessage(r, 'id')).not.toBe(nikReasonMessage(r, 'en'));
  });

  it('names what was wrong when details are given', () => {
    expect(nikReasonMessage('wrong_length', 'id')).toBe('NIK harus 16 angka');
    expect(nikReasonMessage('wrong_length', 'id', { digitCount: 15 })).toBe('NIK harus 16 angka, yang diisi 15 angka');
    expect(nikReasonMessage('unknown_kecamatan', 'id', { kecamatanCode6: '359999' })).toBe(
      'Kode kecamatan 359999 tidak ada dalam daftar wilayah resmi',
    );
    expect(nikReasonMessage('unknown_kecamatan', 'en', { kecamatanCode6: '359999' })).toBe(
      'Kecamatan code 359999 is not in the official region list',
    );
  });

  it('fits the failure result directly', () => {
    const result = parseNik('35100115059', opts);
    if (result.ok) throw new Error('expected a failure');
    expect(nikReasonMessage(result.reason, 'en', result.details)).toBe('NIK must be 16 digits; 11 were entered');
  });
});

describe('maskNik and maskKk', () => {
  it('shows region (4+2) and serial, hides the birth date', () => {
    expect(maskNik('3510200101900001')).toBe('3510 20•• •••• 0001');
    expect(maskNik('3510 2041 0190 0001')).toBe('3510 20•• •••• 0001');
    expect(maskKk('3510201203150007')).toBe('3510 20•• •••• 0007');
  });

  it('masks everything when the input is not a 16-digit number', () => {
    for (const bad of ['', '351020010190000', '35102001019000012', '3510200101900O01']) {
      expect(maskNik(bad)).toBe('•••• •••• •••• ••••');
    }
  });
});

describe('buildNik', () => {
  it('builds the documented example', () => {
    expect(buildNik({ kecamatanCode6: '351020', birthDate: '1990-01-01', sex: 'M', serial: '0001' })).toBe(
      '3510200101900001',
    );
    expect(buildNik({ kecamatanCode6: '35.10.20', birthDate: '1990-01-01', sex: 'F', serial: 1 })).toBe(
      '3510204101900001',
    );
  });

  it.each([
    { kecamatanCode6: '3510', birthDate: '1990-01-01', sex: 'M' as Sex, serial: 1 },
    { kecamatanCode6: '351020', birthDate: '1990-02-30', sex: 'M' as Sex, serial: 1 },
    { kecamatanCode6: '351020', birthDate: '1990-1-1', sex: 'M' as Sex, serial: 1 },
    { kecamatanCode6: '351020', birthDate: '1990-01-01', sex: 'M' as Sex, serial: 0 },
    { kecamatanCode6: '351020', birthDate: '1990-01-01', sex: 'M' as Sex, serial: 10000 },
  ])('refuses parts no NIK could have: %o', (parts) => {
    expect(() => buildNik(parts)).toThrow(RangeError);
  });
});

// ---- properties ----

const DAY_MS = 86_400_000;
const TODAY_UTC = Date.UTC(2025, 5, 15);
/** Oldest date the century rule can give on TODAY: 16 June 1925. */
const OLDEST_UTC = Date.UTC(1925, 5, 16);

const birthDateArb = fc
  .integer({ min: 0, max: (TODAY_UTC - OLDEST_UTC) / DAY_MS })
  .map((daysBack) => new Date(TODAY_UTC - daysBack * DAY_MS).toISOString().slice(0, 10));

const componentsArb = fc.record({
  kecamatanCode6: fc.stringMatching(/^[0-9]{6}$/),
  birthDate: birthDateArb,
  sex: fc.constantFrom<Sex>('F', 'M'),
  serial: fc.integer({ min: 1, max: 9999 }),
});

/** Independent of nik.ts: does the JS calendar agree that y-m-d exists? */
function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe('parseNik properties', () => {
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }), (input) => {
        expect(typeof parseNik(input, opts).ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expect(typeof parseNik(input, anyKecamatan).ok).toBe('boolean');
      }),
    );
  });

  it('never throws on near-NIK strings of digits and separators', () => {
    const nearNik = fc.string({ unit: fc.constantFrom(...'0123456789 .-–\t'), maxLength: 24 });
    fc.assert(
      fc.property(nearNik, (input) => {
        const result = parseNik(input, anyKecamatan);
        if (result.ok) expect(result.nik).toMatch(/^[0-9]{16}$/);
      }),
    );
  });

  it('round-trips every NIK that buildNik makes', () => {
    fc.assert(
      fc.property(componentsArb, (parts) => {
        const nik = buildNik(parts);
        const code6 = parts.kecamatanCode6;
        expect(parseNik(nik, anyKecamatan)).toEqual({
          ok: true,
          nik,
          kecamatanCode: `${code6.slice(0, 2)}.${code6.slice(2, 4)}.${code6.slice(4)}`,
          birthDate: parts.birthDate,
          sex: parts.sex,
          serial: String(parts.serial).padStart(4, '0'),
        });
        // Typed with separators, it is the same NIK.
        const grouped = `${nik.slice(0, 4)} ${nik.slice(4, 8)}.${nik.slice(8, 12)}-${nik.slice(12)}`;
        expect(parseNik(grouped, anyKecamatan)).toEqual(parseNik(nik, anyKecamatan));
      }),
    );
  });

  it('rejects every single-digit change of the birth date that makes it impossible', () => {
    fc.assert(
      fc.property(componentsArb, (parts) => {
        const nik = buildNik(parts);
        for (let pos = 6; pos < 12; pos++) {
          for (const digit of '0123456789') {
            const mutated = nik.slice(0, pos) + digit + nik.slice(pos + 1);
            const dd = Number(mutated.slice(6, 8));
            const day = dd > 40 ? dd - 40 : dd;
            const mm = Number(mutated.slice(8, 10));
            const yy = Number(mutated.slice(10, 12));
            const real1900 = isRealDate(1900 + yy, mm, day);
            const real2000 = isRealDate(2000 + yy, mm, day);
            if (!real1900 && !real2000) expect(reasonOf(mutated, anyKecamatan)).toBe('invalid_birth_date');
            // Both centuries agree that it exists, so on TODAY one of them is in the past.
            if (real1900 && real2000) expect(reasonOf(mutated, anyKecamatan)).toBe('ok');
          }
        }
      }),
    );
  });

  it('never shows the birth date in a mask', () => {
    fc.assert(
      fc.property(componentsArb, (parts) => {
        const nik = buildNik(parts);
        const masked = maskNik(nik);
        expect(masked).toMatch(/^[0-9]{4} [0-9]{2}•• •••• [0-9]{4}$/);
        expect(masked.replace(/[ •]/g, '')).toBe(nik.slice(0, 6) + nik.slice(12));
      }),
    );
  });
});
