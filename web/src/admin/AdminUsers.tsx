import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { PLACE_KINDS, ROLES, type Items, type Place, type PlaceKind, type StaffAccount, type StaffRole } from '../api-types.ts';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

const STAFF_ROLES = ROLES.filter((r): r is StaffRole => r !== 'citizen');
/** The kind of place a role is usually bound to, to preselect the place picker. */
const USUAL_KIND: Record<StaffRole, PlaceKind> = {
  counter_officer: 'service_point',
  agency_processor: 'agency',
  village_operator: 'village',
  midwife: 'puskesmas',
  village_official: 'village',
  police_officer: 'police_post',
  mpp_admin: 'service_point',
  leader: 'agency',
};
const FORM_FIELDS = ['username', 'displayName', 'password', 'role', 'phone', 'email', 'placeIds'] as const;
type FormField = (typeof FORM_FIELDS)[number];
const SHOW_AT_MOST = 60;

const blank = { username: '', displayName: '', password: '', role: '' as StaffRole | '', phone: '', email: '' };

export function AdminUsers() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const users = useApi<Items<StaffAccount>>('/api/admin/users');
  const [form, setForm] = useState(blank);
  const [kind, setKind] = useState<PlaceKind>('service_point');
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Map<string, Place>>(new Map());
  const places = useApi<Items<Place>>('/api/places', { kind });
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rowBusy, setRowBusy] = useState<string | null>(null);

  // By role (in the order roles are listed everywhere), then username.
  const sorted = useMemo(
    () => [...(users.data?.items ?? [])].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username)),
    [users.data],
  );

  const matching = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (places.data?.items ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.code.toLowerCase().includes(needle));
  }, [places.data, filter]);

  const set = (key: keyof typeof blank) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function toggle(place: Place) {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(place.id)) next.delete(place.id);
      else next.set(place.id, place);
      return next;
    });
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await api.post('/api/admin/users', {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
        role: form.role,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        placeIds: [...selected.keys()],
      });
      setNotice(t('admin.users.created', { username: form.username.trim() }));
      setForm(blank);
      setSelected(new Map());
      setErrors({});
      users.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fields);
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function setActive(account: StaffAccount, active: boolean) {
    setRowBusy(account.id);
    setFailure(null);
    setNotice(null);
    try {
      await api.patch(`/api/admin/users/${account.id}`, { active });
      setNotice(t('admin.users.updated', { username: account.username }));
      users.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setRowBusy(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        lead={t('admin.users.lead')}
        back={{ href: '/admin', label: t('admin.backToAdmin') }}
        actions={
          <a className="btn btn--secondary" href="#create-user">
            {t('admin.users.createTitle')}
          </a>
        }
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      <ErrorAlert error={users.error} />
      {users.loading && !users.data ? (
        <Loading />
      ) : (
        <Table
          caption={t('admin.users.tableCaption')}
          rows={sorted}
          rowKey={(u) => u.id}
          empty={t('admin.users.empty')}
          columns={[
            { key: 'username', header: t('admin.users.username'), render: (u) => <span className="mono">{u.username}</span> },
            { key: 'name', header: t('admin.users.name'), render: (u) => u.displayName },
            { key: 'role', header: t('admin.users.role'), render: (u) => t(`roles.${u.role}`) },
            { key: 'places', header: t('admin.users.places'), render: (u) => u.places.map((p) => p.name).join(', ') || t('common.none') },
            { key: 'status', header: t('admin.users.status'), render: (u) => (u.active ? <Badge tone="ok">{t('admin.users.active')}</Badge> : <Badge tone="off">{t('admin.users.inactive')}</Badge>) },
            {
              key: 'actions',
              header: t('common.actions'),
              render: (u) =>
                u.id === me?.id ? null : (
                  <Button size="small" variant={u.active ? 'danger' : 'secondary'} busy={rowBusy === u.id} onClick={() => void setActive(u, !u.active)} aria-label={`${u.active ? t('admin.users.deactivate') : t('admin.users.activate')}: ${u.username}`}>
                    {u.active ? t('admin.users.deactivate') : t('admin.users.activate')}
                  </Button>
                ),
            },
          ]}
        />
      )}

      <div className="section" id="create-user">
        <Card title={t('admin.users.createTitle')}>
          <form noValidate onSubmit={(e) => void create(e)}>
            <ErrorAlert error={failure} shownFields={FORM_FIELDS} />
            <div className="form-grid form-grid--2">
              <TextField label={t('admin.users.username')} hint={t('admin.users.usernameHint')} error={errors.username} name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} value={form.username} onChange={set('username')} />
              <TextField label={t('admin.users.displayName')} error={errors.displayName} name="displayName" autoComplete="off" value={form.displayName} onChange={set('displayName')} />
              <TextField label={t('admin.users.password')} hint={t('admin.users.passwordHint')} error={errors.password} name="password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
              <SelectField
                label={t('admin.users.role')}
                error={errors.role}
                name="role"
                value={form.role}
                onChange={(e) => {
                  const role = e.target.value as StaffRole | '';
                  setForm((f) => ({ ...f, role }));
                  if (role) setKind(USUAL_KIND[role]);
                }}
              >
                <option value="">{t('common.choose')}</option>
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('admin.users.phone')} optional error={errors.phone} name="phone" type="tel" autoComplete="off" value={form.phone} onChange={set('phone')} />
              <TextField label={t('admin.users.email')} optional error={errors.email} name="email" type="email" autoComplete="off" value={form.email} onChange={set('email')} />
            </div>

            <fieldset className="fieldset">
              <legend>{t('admin.users.placesLegend')}</legend>
              {errors.placeIds && <p className="field__error">{errors.placeIds}</p>}
              <p className="field__hint" aria-live="polite">
                {t('admin.users.placesSelected', { count: selected.size })}
                {selected.size > 0 && `: ${[...selected.values()].map((p) => p.name).join(', ')}`}
              </p>
              <div className="form-grid form-grid--2">
                <SelectField label={t('admin.users.placeKind')} name="placeKind" value={kind} onChange={(e) => setKind(e.target.value as PlaceKind)}>
                  {PLACE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`placeKinds.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('admin.users.placeFilter')} name="placeFilter" type="search" autoComplete="off" value={filter} onChange={(e) => setFilter(e.target.value)} />
              </div>
              <ErrorAlert error={places.error} />
              {places.loading && !places.data ? (
                <Loading />
              ) : matching.length === 0 ? (
                <p className="muted">{t('admin.users.noPlaces')}</p>
              ) : (
                <ul className="check-list">
                  {matching.slice(0, SHOW_AT_MOST).map((p) => (
                    <li key={p.id}>
                      <label>
                        <input type="checkbox" checked={selected.has(p.id)} onChange={() => toggle(p)} />
                        <span>
                          {p.name} <span className="muted mono">{p.code}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                  {matching.length > SHOW_AT_MOST && <li className="muted check-list__more">{t('admin.users.morePlaces', { count: matching.length - SHOW_AT_MOST })}</li>}
                </ul>
              )}
            </fieldset>
            <Button type="submit" busy={busy}>
              {busy ? t('admin.users.submitting') : t('admin.users.submit')}
            </Button>
          </form>
        </Card>
      </div>
    </>
  );
}
