/** Her laskar: shown to everyone who may see it; the midwife chooses its members from the candidates. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import { Button, Card, ErrorAlert, Loading, SelectField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useF } from './field-messages.ts';
import { useS } from './messages.ts';
import type { Record_, TeamCandidates } from './types.ts';
import { Phone } from './util.tsx';

type Key = 'midwife' | 'villageOfficial' | 'police' | 'policeBackup';
const DUTY: Record<Key, string> = { midwife: 'midwife', villageOfficial: 'village_official', police: 'police', policeBackup: 'police_backup' };
const KEYS = Object.keys(DUTY) as Key[];

function TeamForm({ r, onCancel, onSaved }: { r: Record_; onCancel(): void; onSaved(message: string): void }) {
  const f = useF();
  const s = useS();
  const { data: candidates, error: loadError } = useApi<TeamCandidates>(`/api/sakina/pregnancies/${r.id}/team/candidates`);
  const current = (key: Key) => r.team?.find((m) => m.duty === DUTY[key])?.userId ?? '';
  const [form, setForm] = useState<Record<Key, string>>(() => Object.fromEntries(KEYS.map((k) => [k, current(k)])) as Record<Key, string>);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!candidates) return <Loading />;

  const options = (key: Key) => (key === 'midwife' ? candidates.midwife : key === 'villageOfficial' ? candidates.villageOfficial : candidates.police);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/sakina/pregnancies/${r.id}/team`, Object.fromEntries(KEYS.map((k) => [k, form[k] || null])));
      onSaved(f.team.saved);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} noValidate aria-label={f.team.edit}>
      <p className="muted">{f.team.lead}</p>
      <ErrorAlert error={error} shownFields={KEYS} />
      {KEYS.map((key) => (
        <SelectField key={key} label={f.team[key]} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} error={error?.fields[key]}>
          <option value="">{f.team.nobody}</option>
          {options(key).map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ))}
      <p className="btn-row">
        <Button type="submit" busy={busy}>
          {f.team.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {s.cancel}
        </Button>
      </p>
    </form>
  );
}

export function TeamCard({ r, canEdit, onSaved }: { r: Record_; canEdit: boolean; onSaved(message: string): void }) {
  const f = useF();
  const s = useS();
  const [editing, setEditing] = useState(false);
  const team = r.team ?? [];
  if (!team.length && !canEdit) return null;
  const order = ['midwife', 'village_official', 'police', 'police_backup'];
  const rows = [...team].sort((a, b) => order.indexOf(a.duty) - order.indexOf(b.duty));
  return (
    <Card title={f.team.title}>
      {rows.length > 0 ? (
        <dl className="sk-dl" data-testid="team">
          {rows.map((m): ReactNode => (
            <div key={m.duty} style={{ display: 'contents' }}>
              <dt>{s.record.duties[m.duty] ?? m.duty}</dt>
              <dd>
                {m.name} <Phone number={m.phone} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{f.team.empty}</p>
      )}
      {canEdit &&
        (editing ? (
          <div className="section">
            <TeamForm
              r={r}
              onCancel={() => setEditing(false)}
              onSaved={(message) => {
                setEditing(false);
                onSaved(message);
              }}
            />
          </div>
        ) : (
          <p className="section">
            <Button variant="secondary" size="small" onClick={() => setEditing(true)}>
              {f.team.edit}
            </Button>
          </p>
        ))}
    </Card>
  );
}
