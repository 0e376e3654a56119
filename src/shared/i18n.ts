export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** Indonesian first: English only when the caller prefers it over Indonesian. */
export function pickLang(acceptLanguage: string | undefined, userChoice?: string | null): Lang {
  if (userChoice === 'en' || userChoice === 'id') return userChoice;
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.base === 'id' || entry.base === 'en' || entry.base === 'ms')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.base === 'en' ? 'en' : 'id';
}
