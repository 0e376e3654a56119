/**
 * What the hall hears when a ticket is called: "Nomor antrian A nol dua belas, silakan ke loket
 * tiga." Numbers are written out as words so that every speech engine says them the Indonesian way
 * (a voice reading "A012" digit by digit, or in English, is the commonest complaint), letters are
 * spelt by their Indonesian names (B = "be"), and the counter is always named. Pure; the display
 * board speaks the text through the browser's speech synthesis.
 */

export type Lang = 'id' | 'en';

const ID_UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** Indonesian letter names, as a speech engine should say them. */
const ID_LETTERS: Readonly<Record<string, string>> = {
  A: 'A', B: 'Be', C: 'Ce', D: 'De', E: 'E', F: 'Ef', G: 'Ge', H: 'Ha', I: 'I', J: 'Je', K: 'Ka', L: 'El', M: 'Em',
  N: 'En', O: 'O', P: 'Pe', Q: 'Ki', R: 'Er', S: 'Es', T: 'Te', U: 'U', V: 'Ve', W: 'We', X: 'Eks', Y: 'Ye', Z: 'Zet',
};

/** 0 … 999 999 999 999 in Indonesian words: 12 "dua belas", 100 "seratus", 1000 "seribu", 1 500 "seribu lima ratus". */
export function indonesianNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`indonesianNumber: ${n}`);
  if (n < 10) return ID_UNITS[n]!;
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${ID_UNITS[n - 10]} belas`;
  if (n < 100) return join(`${ID_UNITS[Math.floor(n / 10)]} puluh`, n % 10 ? ID_UNITS[n % 10]! : '');
  if (n < 1000) return join(n < 200 ? 'seratus' : `${ID_UNITS[Math.floor(n / 100)]} ratus`, n % 100 ? indonesianNumber(n % 100) : '');
  if (n < 1e6) return join(n < 2000 ? 'seribu' : `${indonesianNumber(Math.floor(n / 1000))} ribu`, n % 1000 ? indonesianNumber(n % 1000) : '');
  if (n < 1e9) return join(`${indonesianNumber(Math.floor(n / 1e6))} juta`, n % 1e6 ? indonesianNumber(n % 1e6) : '');
  return join(`${indonesianNumber(Math.floor(n / 1e9))} miliar`, n % 1e9 ? indonesianNumber(n % 1e9) : '');
}

/** 0 … 999 999 in English words: 12 "twelve", 105 "one hundred five", 2 024 "two thousand twenty-four". */
export function englishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e6) throw new RangeError(`englishNumber: ${n}`);
  if (n < 20) return EN_UNITS[n]!;
  if (n < 100) return `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_UNITS[n % 10]}` : ''}`;
  if (n < 1000) return join(`${EN_UNITS[Math.floor(n / 100)]} hundred`, n % 100 ? englishNumber(n % 100) : '');
  return join(`${englishNumber(Math.floor(n / 1000))} thousand`, n % 1000 ? englishNumber(n % 1000) : '');
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

export type ZeroStyle = 'spoken' | 'dropped';

/**
 * A code such as a ticket number (A012, AB105) or a counter (3, B2) as words. Letters are spelt one
 * by one; a run of digits is said as one number, its leading zeros each as "nol" ('spoken', the
 * default: "A nol dua belas") or left out ('dropped': "A dua belas").
 */
export function speakCode(code: string, lang: Lang, zeros: ZeroStyle = 'spoken'): string {
  const words: string[] = [];
  for (const [, letters, digits] of code.toUpperCase().matchAll(/([A-Z]+)|(\d+)/g)) {
    if (letters) for (const letter of letters) words.push(lang === 'id' ? ID_LETTERS[letter]! : letter);
    if (digits) {
      const value = Number(digits);
      const leading = digits.length - String(value).length;
      if (zeros === 'spoken' && value > 0) for (let i = 0; i < leading; i++) words.push(lang === 'id' ? 'nol' : 'zero');
      if (value === 0 && zeros === 'spoken') for (let i = 0; i < digits.length; i++) words.push(lang === 'id' ? 'nol' : 'zero');
      else words.push(lang === 'id' ? indonesianNumber(value) : englishNumber(value));
    }
  }
  return words.join(' ');
}

export type CounterWord = 'loket' | 'gerai' | 'meja' | 'ruang';
const COUNTER_WORDS_EN: Readonly<Record<CounterWord, string>> = { loket: 'counter', gerai: 'booth', meja: 'desk', ruang: 'room' };

export type Announcement = {
  /** What the board shows: "A012 → Loket 3". */
  display: string;
  /** What the voice says, numbers in words. */
  speech: string;
};

export type AnnounceInput = {
  ticketNumber: string;
  counterCode: string;
  counterWord?: CounterWord;
  lang: Lang;
  zeros?: ZeroStyle;
  /** A recall says so: "Panggilan ulang". */
  recall?: boolean;
};

export function announce(input: AnnounceInput): Announcement {
  const word = input.counterWord ?? 'loket';
  const zeros = input.zeros ?? 'spoken';
  const ticket = speakCode(input.ticketNumber, input.lang, zeros);
  const counter = speakCode(input.counterCode, input.lang, 'dropped');
  if (input.lang === 'id') {
    const label = word.charAt(0).toUpperCase() + word.slice(1);
    return {
      display: `${input.ticketNumber} → ${label} ${input.counterCode}`,
      speech: `${input.recall ? 'Panggilan ulang. ' : ''}Nomor antrian ${ticket}, silakan ke ${word} ${counter}.`,
    };
  }
  const en = COUNTER_WORDS_EN[word];
  return {
    display: `${input.ticketNumber} → ${en.charAt(0).toUpperCase() + en.slice(1)} ${input.counterCode}`,
    speech: `${input.recall ? 'Calling again. ' : ''}Ticket number ${ticket}, please go to ${en} ${counter}.`,
  };
}
