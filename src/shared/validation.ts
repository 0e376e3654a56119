import { z } from 'zod';
import type { LocalText } from './errors.ts';

const idMap = z.locales.id().localeError;
const enMap = z.locales.en().localeError;

type Issue = Parameters<typeof idMap>[0];

function render(map: typeof idMap, issue: Issue): string {
  const out = map(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

/**
 * A field's message in both languages. A schema's own message (set with `{ error: ... }`)
 * is kept as written; otherwise zod's Indonesian and English locales phrase it.
 */
export function fieldMessage(issue: Issue & { message?: string }): LocalText {
  const custom = issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ') ? issue.message : null;
  if (custom && custom.includes(' | ')) {
    const [id, en] = custom.split(' | ');
    return { id: id!, en: en! };
  }
  if (custom) return { id: custom, en: custom };
  return { id: render(idMap, issue) || 'Isian tidak valid', en: render(enMap, issue) || 'Invalid value' };
}

/** A custom message in both languages for a zod check: `z.string().min(3, bilingual('…', '…'))`. */
export function bilingual(id: string, en: string): string {
  return `${id} | ${en}`;
}
