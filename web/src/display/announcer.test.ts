import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from './announcer.ts';

/**
 * A fake speech engine that takes 2 s per sentence and records what it was asked, with the time;
 * a fake AudioContext that counts chimes. Calls must come out one after another, never overlapping,
 * and the chime must sound whether or not a voice exists.
 */
type Spoken = { text: string; start: number; end: number };

function installFakes(voices: { lang: string }[]) {
  const spoken: Spoken[] = [];
  let speakingUntil = 0;
  const chimes: number[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.SpeechSynthesisUtterance = class {
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    voice: unknown = null;
    lang = '';
    rate = 1;
    constructor(readonly text: string) {}
  };
  g.speechSynthesis = {
    getVoices: () => voices,
    get speaking() {
      return Date.now() < speakingUntil;
    },
    pending: false,
    cancel: vi.fn(),
    resume: vi.fn(),
    speak(u: { text: string; onend: (() => void) | null }) {
      const start = Date.now();
      if (start < speakingUntil) throw new Error(`overlap: "${u.text}" started while another sentence was still being spoken`);
      speakingUntil = start + 2000;
      spoken.push({ text: u.text, start, end: speakingUntil });
      setTimeout(() => u.onend?.(), 2000);
    },
  };
  g.AudioContext = class {
    currentTime = 0;
    destination = {};
    resume = async () => undefined;
    close = async () => undefined;
    createOscillator() {
      return { type: '', frequency: { value: 0 }, connect: (x: unknown) => x, start: () => chimes.push(Date.now()), stop: () => undefined };
    }
    createGain() {
      const node = { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (x: unknown) => x };
      return node;
    }
  };
  return { spoken, chimes };
}

describe('Announcer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('speaks calls one after another, each after a chime, never overlapping', async () => {
    const { spoken, chimes } = installFakes([{ lang: 'id-ID' }]);
    const a = new Announcer();
    a.enable();
    a.enqueue([{ text: 'Nomor antrian A nol nol satu, silakan ke loket A.', lang: 'id' }]);
    a.enqueue([{ text: 'Nomor antrian B nol nol satu, silakan ke loket B.', lang: 'id' }]);
    a.enqueue([{ text: 'Nomor antrian C nol nol satu, silakan ke loket C.', lang: 'id' }]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(spoken.map((s) => s.text.split(' ')[2])).toEqual(['A', 'B', 'C']);
    for (let i = 1; i < spoken.length; i++) expect(spoken[i]!.start).toBeGreaterThanOrEqual(spoken[i - 1]!.end);
    // Two tones per chime, one chime per call, each before its sentence.
    expect(chimes).toHaveLength(6);
    expect(chimes[0]!).toBeLessThan(spoken[0]!.start);
    expect(a.queued).toBe(0);
  });

  it('chimes without a voice: the chime is independent of speech', async () => {
    const { spoken, chimes } = installFakes([{ lang: 'en-US' }]);
    const a = new Announcer();
    a.enable();
    a.enqueue([{ text: 'Nomor antrian A nol nol satu, silakan ke loket A.', lang: 'id' }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(spoken).toEqual([]);
    expect(chimes).toHaveLength(2);
    expect(a.log).toEqual(['Nomor antrian A nol nol satu, silakan ke loket A.']);
  });

  it('an engine that never says "end" does not block the hall', async () => {
    const { spoken } = installFakes([{ lang: 'id-ID' }]);
    const g = globalThis as unknown as { speechSynthesis: { speak: (u: { text: string }) => void } };
    g.speechSynthesis.speak = (u) => void spoken.push({ text: u.text, start: Date.now(), end: Date.now() });
    const a = new Announcer();
    a.enable();
    a.enqueue([{ text: 'satu', lang: 'id' }]);
    a.enqueue([{ text: 'dua', lang: 'id' }]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(spoken.map((s) => s.text)).toEqual(['satu', 'dua']);
  });

  it('stays silent until sound is turned on, but keeps the log', async () => {
    const { spoken, chimes } = installFakes([{ lang: 'id-ID' }]);
    const a = new Announcer();
    a.enqueue([{ text: 'satu', lang: 'id' }]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(spoken).toEqual([]);
    expect(chimes).toEqual([]);
    expect(a.log).toEqual(['satu']);
  });
});
