import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../i18n/index.ts';
import { useSession } from '../session.tsx';

const SHORT: Record<Lang, string> = { id: 'ID', en: 'EN' };
// Each language named in itself, whatever the current UI language.
const NAME: Record<Lang, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** ID | EN: two toggle buttons; the pressed one is the language in use. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  const current: Lang = i18n.resolvedLanguage === 'en' ? 'en' : 'id';
  return (
    <div className="lang-switch" role="group" aria-label={`${t('lang.label')} / Language`}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={current === lang}
          title={NAME[lang]}
          onClick={() => void changeLanguage(lang)}
        >
          {/* The name starts with the visible text ("ID Bahasa Indonesia"), so voice control finds it. */}
          {SHORT[lang]}
          <span className="sr-only"> {NAME[lang]}</span>
        </button>
      ))}
    </div>
  );
}
