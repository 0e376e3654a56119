import { useTranslation } from 'react-i18next';
import type { Lang } from './index.ts';

/** The UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'id';
}
