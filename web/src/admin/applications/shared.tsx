/** What the two applications admin pages share: the API shapes and the agency picker (kept in ?instansi=). */
import { useState } from 'react';
import { SelectField } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { useAA } from './messages.ts';

export type Integration = {
  agency: { code: string; shortName: string };
  webhook: { url: string | null; active: boolean; secretHint: string | null; events: string[]; available: string[] };
  supervisor: { name: string | null; phone: string | null; email: string | null; locale: 'id' | 'en' };
};

export type Delivery = {
  id: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed' | string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  payload: { data?: { application?: { number?: string; status?: string } } };
  log: { attempt: number; at: string; statusCode: number | null; error: string | null; durationMs: number }[];
};

type Agency = { code: string; shortName: string; name: { id: string; en: string }; active: boolean };

const integrationPath = (code: string) => `/api/admin/agencies/${encodeURIComponent(code)}`;
export { integrationPath };

function initialAgency(): string {
  return new URLSearchParams(window.location.search).get('instansi') ?? '';
}

/** The chosen agency, remembered in the address so a reload or a shared link opens the same one. */
export function useAgencyChoice(): [string, (code: string) => void] {
  const [code, setCode] = useState(initialAgency);
  return [
    code,
    (next) => {
      setCode(next);
      const url = new URL(window.location.href);
      if (next) url.searchParams.set('instansi', next);
      else url.searchParams.delete('instansi');
      window.history.replaceState(window.history.state, '', url);
    },
  ];
}

export function AgencyPicker({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { m, lang } = useAA();
  const agencies = useApi<{ items: Agency[] }>('/api/catalogue/agencies', { inactive: 'true' });
  return (
    <div className="aa-picker">
      <SelectField label={m.agency.label} hint={agencies.loading ? m.agency.loading : m.agency.hint} error={agencies.error?.detail} name="agency" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{m.agency.choose}</option>
        {(agencies.data?.items ?? []).map((a) => (
          <option key={a.code} value={a.code}>
            {a.shortName} — {a.name[lang]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
