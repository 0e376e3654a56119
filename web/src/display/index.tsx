import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatLongDate } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Badge, usePageTitle } from '../kit/index.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * /layar: the waiting-hall TV. No sign-in. The live calls (and the voice announcements) arrive
 * with the queue module; until then the board shows the clock and an empty "now serving" panel.
 */
export function DisplayBoard() {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow(1000);
  usePageTitle(t('display.title'));
  return (
    <div className="board">
      <header className="board__top">
        <div>
          <h1 className="board__title">{t('display.title')}</h1>
          <p className="board__place">{t('display.place')}</p>
        </div>
        <div className="board__clock">
          <time dateTime={now.toISOString()} aria-label={`${formatClock(now, lang, false)} ${t('common.wib')}, ${t('display.clockLabel')}`}>
            <span className="board__time" data-testid="board-clock">
              {formatClock(now, lang)} <abbr className="board__zone" title={t('display.clockLabel')}>{t('common.wib')}</abbr>
            </span>
            <span className="board__date">{formatLongDate(now, lang)}</span>
          </time>
        </div>
      </header>
      <main className="board__body">
        <section className="board__panel" aria-labelledby="now-serving">
          <h2 id="now-serving">{t('display.nowServing')}</h2>
          <div className="board__ticket board__ticket--empty" aria-hidden="true">
            {t('display.emptyTicket')}
          </div>
          <div className="board__counter" aria-hidden="true">
            {t('display.counter')} {t('display.emptyTicket')}
          </div>
          <p className="board__status">{t('display.waiting')}</p>
        </section>
        <section className="board__panel board__side" aria-labelledby="recent-calls">
          <h2 id="recent-calls">{t('display.recent')}</h2>
          <p className="board__status">{t('display.noneYet')}</p>
        </section>
      </main>
      <footer className="board__top">
        <p className="board__notice">
          <Badge tone="soon">{t('common.soon')}</Badge> {t('display.notice')}
        </p>
        <LanguageSwitch />
      </footer>
    </div>
  );
}
