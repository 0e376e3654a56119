import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id, type Messages } from './id.ts';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
const STORAGE_KEY = 'satupintu.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** The language chosen on this device, if any (localStorage can be unavailable: private mode, old WebView). */
export function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLang(): Lang {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'id';
}

// Indonesian ships in the entry chunk; English is fetched the first time someone asks for it.
async function ensureBundle(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

/** Switches the UI language; `remember` keeps the choice on this device. */
export async function setLanguage(lang: Lang, remember = true): Promise<void> {
  await ensureBundle(lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* not remembered: the session still follows the choice */
    }
  }
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { id: { translation: id } },
    lng: 'id',
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });
  const chosen = storedLang();
  if (chosen && chosen !== 'id') await setLanguage(chosen, false);
  else document.documentElement.lang = 'id';
}

export { i18n };
