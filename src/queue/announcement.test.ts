import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announce, englishNumber, indonesianNumber, speakCode } from './announcement.ts';

describe('indonesianNumber', () => {
  it.each([
    [0, 'nol'], [1, 'satu'], [9, 'sembilan'], [10, 'sepuluh'], [11, 'sebelas'], [12, 'dua belas'], [19, 'sembilan belas'],
    [20, 'dua puluh'], [21, 'dua puluh satu'], [99, 'sembilan puluh sembilan'], [100, 'seratus'], [101, 'seratus satu'],
    [110, 'seratus sepuluh'], [111, 'seratus sebelas'], [115, 'seratus lima belas'], [200, 'dua ratus'], [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'], [1001, 'seribu satu'], [1500, 'seribu lima ratus'], [2000, 'dua ribu'], [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'], [123456, 'seratus dua puluh tiga ribu empat ratus lima puluh enam'], [1000000, 'satu juta'],
    [2500000, 'dua juta lima ratus ribu'], [1000000000, 'satu miliar'],
  ])('%i → %s', (n, words) => {
    expect(indonesianNumber(n)).toBe(words);
  });
  it('refuses what it cannot say', () => {
    expect(() => indonesianNumber(-1)).toThrow(RangeError);
    expect(() => indonesianNumber(1.5)).toThrow(RangeError);
  });
  it('never says "satu ratus" or "satu ribu", never doubles spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const words = indonesianNumber(n);
        expect(words).not.toMatch(/satu (ratus|puluh|belas)|  |^ | $/);
        // "dua puluh satu ribu" (21 000) is right; "satu ribu" at the head of a group is not.
        expect(words).not.toMatch(/(^|juta |miliar )satu ribu/);
      }),
    );
  });
});

describe('englishNumber', () => {
  it.each([[0, 'zero'], [12, 'twelve'], [21, 'twenty-one'], [105, 'one hundred five'], [2024, 'two thousand twenty-four']])('%i → %s', (n, words) => {
    expect(englishNumber(n)).toBe(words);
  });
});

describe('speakCode', () => {
  it.each<[string, 'id' | 'en', 'spoken' | 'dropped', string]>([
    ['A012', 'id', 'spoken', 'A nol dua belas'],
    ['A012', 'id', 'dropped', 'A dua belas'],
    ['A001', 'id', 'spoken', 'A nol nol satu'],
    ['A100', 'id', 'spoken', 'A seratus'],
    ['A000', 'id', 'spoken', 'A nol nol nol'],
    ['A000', 'id', 'dropped', 'A nol'],
    ['B1001', 'id', 'spoken', 'Be seribu satu'],
    ['AB105', 'id', 'spoken', 'A Be seratus lima'],
    ['Q007', 'id', 'spoken', 'Ki nol nol tujuh'],
    ['A012', 'en', 'spoken', 'A zero twelve'],
    ['3', 'id', 'dropped', 'tiga'],
    ['B2', 'id', 'dropped', 'Be dua'],
  ])('%s (%s, zeros %s) → %s', (code, lang, zeros, words) => {
    expect(speakCode(code, lang, zeros)).toBe(words);
  });
});

describe('announce', () => {
  it('says the product brief’s sentence', () => {
    expect(announce({ ticketNumber: 'A012', counterCode: '3', lang: 'id' })).toEqual({
      display: 'A012 → Loket 3',
      speech: 'Nomor antrian A nol dua belas, silakan ke loket tiga.',
    });
  });
  it('names the counter by its letters', () => {
    expect(announce({ ticketNumber: 'C045', counterCode: 'C', counterWord: 'gerai', lang: 'id' }).speech).toBe('Nomor antrian Ce nol empat puluh lima, silakan ke gerai Ce.');
  });
  it('in English', () => {
    expect(announce({ ticketNumber: 'A012', counterCode: '3', lang: 'en' })).toEqual({
      display: 'A012 → Counter 3',
      speech: 'Ticket number A zero twelve, please go to counter three.',
    });
  });
  it('marks a recall', () => {
    expect(announce({ ticketNumber: 'A012', counterCode: '3', lang: 'id', recall: true }).speech).toMatch(/^Panggilan ulang\. Nomor antrian/);
    expect(announce({ ticketNumber: 'A012', counterCode: '3', lang: 'en', recall: true }).speech).toMatch(/^Calling again\. Ticket number/);
  });
  it('never leaves a digit in the speech', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}\d{3,4}$/), fc.stringMatching(/^([A-Z]{1,2}\d?|\d{1,2})$/), fc.constantFrom<'id' | 'en'>('id', 'en'), (ticket, counter, lang) => {
        expect(announce({ ticketNumber: ticket, counterCode: counter, lang }).speech).not.toMatch(/\d/);
      }),
    );
  });
});
