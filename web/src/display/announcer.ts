/**
 * The hall's voice. Calls are queued and spoken one after another — never overlapping, never
 * cutting each other off — each preceded by a chime. The chime is independent of speech: it sounds
 * even where no Indonesian voice is installed (then it is all there is), and speech never waits on
 * the chime's audio. Chrome's speech synthesis can stall after hours on a TV that never reloads;
 * each utterance has a time limit, the engine is nudged with resume() and reset with cancel().
 */

export type Utterance = { text: string; lang: 'id' | 'en' };

const VOICE_PREFS: Record<'id' | 'en', string[]> = { id: ['id-ID', 'id', 'in-ID', 'ms-MY', 'ms'], en: ['en-GB', 'en-US', 'en'] };

function pickVoice(lang: 'id' | 'en'): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  const voices = speechSynthesis.getVoices();
  for (const pref of VOICE_PREFS[lang]) {
    const found = voices.find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(pref.toLowerCase()));
    if (found) return found;
  }
  return null;
}

export function hasVoice(lang: 'id' | 'en'): boolean {
  return pickVoice(lang) !== null;
}

export class Announcer {
  private readonly pending: Utterance[][] = [];
  private running = false;
  private audio: AudioContext | null = null;
  private keepAlive: number | null = null;
  /** Set by a user gesture (browsers refuse sound before one); a kiosk-mode TV may start enabled. */
  enabled = false;
  /** For tests and the page: what was announced, newest last. */
  readonly log: string[] = [];

  enable(): void {
    this.enabled = true;
    try {
      this.audio ??= new AudioContext();
      void this.audio.resume();
    } catch {
      this.audio = null;
    }
    if (typeof speechSynthesis !== 'undefined' && this.keepAlive === null) {
      // Keeps Chrome's engine from falling asleep on a page that runs all day.
      this.keepAlive = window.setInterval(() => {
        if (!speechSynthesis.speaking) speechSynthesis.resume();
      }, 10_000);
    }
  }

  /** One call: its sentences in order (Indonesian, and English when asked), after one chime. */
  enqueue(call: Utterance[]): void {
    this.pending.push(call);
    if (!this.running) void this.drain();
  }

  get queued(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length) {
        const call = this.pending.shift()!;
        this.log.push(call.map((u) => u.text).join(' / '));
        if (!this.enabled) continue;
        await this.chime();
        for (const u of call) await this.speak(u);
        await sleep(700);
      }
    } finally {
      this.running = false;
    }
  }

  /** Two tones, ding-dong, ~1.1 s. Resolves when done; silently skips without audio. */
  private async chime(): Promise<void> {
    const ctx = this.audio;
    if (!ctx) return;
    const now = ctx.currentTime;
    for (const [i, freq] of [880, 659.25].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = now + i * 0.45;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.65);
    }
    await sleep(1100);
  }

  private speak(u: Utterance): Promise<void> {
    const voice = pickVoice(u.lang);
    if (!voice || typeof speechSynthesis === 'undefined') return Promise.resolve();
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(u.text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        window.clearTimeout(limit);
        resolve();
      };
      // A sentence takes a few seconds; an engine that never says "end" must not block the hall.
      const limit = window.setTimeout(() => {
        speechSynthesis.cancel();
        finish();
      }, 6000 + u.text.length * 120);
      utterance.onend = finish;
      utterance.onerror = finish;
      if (speechSynthesis.speaking || speechSynthesis.pending) speechSynthesis.cancel();
      speechSynthesis.speak(utterance);
    });
  }

  dispose(): void {
    if (this.keepAlive !== null) window.clearInterval(this.keepAlive);
    this.pending.length = 0;
    void this.audio?.close().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => window.setTimeout(r, ms));
}
