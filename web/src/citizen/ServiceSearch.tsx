import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { Alert, Badge, PageHeader } from '../kit/index.ts';
import { SearchBox } from './SearchBox.tsx';

/** /layanan: the search form and an honest "coming soon" until the catalogue module answers. */
export function ServiceSearch() {
  const { t } = useTranslation();
  const q = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  return (
    <>
      <PageHeader title={t('citizen.services.title')} lead={t('citizen.services.lead')} back={{ href: '/', label: t('nav.home') }} />
      <div className="card">
        <SearchBox key={q} initial={q} />
      </div>
      <div className="section">
        {q && <p>{t('citizen.services.youSearched', { q })}</p>}
        <Alert tone="info" title={<>{t('citizen.services.comingTitle')} <Badge tone="soon">{t('common.soon')}</Badge></>}>
          <p>{t('citizen.services.comingBody')}</p>
        </Alert>
      </div>
    </>
  );
}
