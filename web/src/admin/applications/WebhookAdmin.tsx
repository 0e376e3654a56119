import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PageHeader, Table, TextField } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { fill, useAA } from './messages.ts';
import { AgencyPicker, integrationPath, useAgencyChoice, type Delivery, type Integration } from './shared.tsx';
import './admin-applications.css';

const FIELDS = ['url', 'active', 'events'] as const;

/** The new secret, shown once, with a copy button. */
function NewSecret({ agency, secret, onDone }: { agency: string; secret: string; onDone(): void }) {
  const { m } = useAA();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" title={m.webhook.newSecretTitle}>
      <p>{fill(m.webhook.newSecretBody, { agency })}</p>
      <div className="token-box">
        <label className="sr-only" htmlFor="new-secret">
          {m.webhook.newSecretLabel}
        </label>
        <input id="new-secret" className="input mono" readOnly value={secret} onFocus={(e) => e.target.select()} data-testid="new-secret" />
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}>
          {copied ? m.common.copied : m.common.copy}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {m.common.close}
        </Button>
      </div>
    </Alert>
  );
}

function statusBadge(status: string, label: string) {
  return <Badge tone={status === 'delivered' ? 'ok' : status === 'failed' ? 'danger' : 'soon'}>{label}</Badge>;
}

function Settings({ integration, onSaved }: { integration: Integration; onSaved(next: Integration): void }) {
  const { m } = useAA();
  const base = integrationPath(integration.agency.code);
  const [url, setUrl] = useState(integration.webhook.url ?? '');
  const [active, setActive] = useState(integration.webhook.active);
  const [events, setEvents] = useState<string[]>(integration.webhook.events);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'rotate' | 'ping' | null>(null);

  async function save(rotateSecret: boolean) {
    setBusy(rotateSecret ? 'rotate' : 'save');
    setFailure(null);
    setNotice(null);
    try {
      const saved = await api.put<Integration & { secret: string | null }>(`${base}/webhook`, { url: url.trim() || null, active, rotateSecret, events });
      setErrors({});
      setSecret(saved.secret);
      setNotice(saved.webhook.active ? m.common.saved : m.webhook.savedOff);
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fields);
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  async function ping() {
    setBusy('ping');
    setFailure(null);
    setNotice(null);
    try {
      await api.post(`${base}/webhook/ping`);
      setNotice(m.webhook.pingSent);
      onSaved(integration);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={m.webhook.settings}>
      {secret && <NewSecret agency={integration.agency.shortName} secret={secret} onDone={() => setSecret(null)} />}
      {notice && <Alert tone="success">{notice}</Alert>}
      <form
        noValidate
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <ErrorAlert error={failure} shownFields={FIELDS} />
        <TextField label={m.webhook.url} hint={m.webhook.urlHint} error={errors.url} name="url" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} />
        <label className="aa-check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{active ? m.webhook.active : m.webhook.activeOff}</span>
        </label>
        <div className="aa-facts">
          <fieldset className="aa-events" aria-describedby={errors.events ? 'aa-events-error' : undefined}>
            <legend className="aa-facts__title">{m.webhook.events}</legend>
            {errors.events && (
              <p className="field__error" id="aa-events-error">
                {errors.events}
              </p>
            )}
            {integration.webhook.available.map((e) => (
              <label key={e} className="aa-check aa-check--small">
                <input type="checkbox" name="events" value={e} checked={events.includes(e)} onChange={(ev) => setEvents(ev.target.checked ? [...events, e] : events.filter((x) => x !== e))} />
                <span>
                  <span className="aa-event-name">{m.webhook.eventNames[e] ?? e}</span> <code className="muted">{e}</code>
                </span>
              </label>
            ))}
            <p className="muted aa-sub">{m.webhook.pingAlways}</p>
          </fieldset>
          <div>
            <h3 className="aa-facts__title">{m.webhook.secret}</h3>
            <p className="muted">{integration.webhook.secretHint ? fill(m.webhook.secretHint, { hint: integration.webhook.secretHint }) : m.webhook.noSecret}</p>
          </div>
        </div>
        <div className="btn-row">
          <Button type="submit" busy={busy === 'save'}>
            {busy === 'save' ? m.common.saving : m.common.save}
          </Button>
          {integration.webhook.secretHint && (
            <Button
              variant="secondary"
              busy={busy === 'rotate'}
              onClick={() => {
                if (window.confirm(fill(m.webhook.rotateConfirm, { agency: integration.agency.shortName }))) void save(true);
              }}
            >
              {m.webhook.rotate}
            </Button>
          )}
          {integration.webhook.active && (
            <Button variant="secondary" busy={busy === 'ping'} onClick={() => void ping()}>
              {m.webhook.ping}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

function DeliveryLog({ code, version }: { code: string; version: number }) {
  const { m, lang } = useAA();
  const log = useApi<{ items: Delivery[] }>(`${integrationPath(code)}/webhook/deliveries`, { limit: 50 });
  const { reload } = log;
  // A save or a ping changes what the log shows.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function redeliver(d: Delivery) {
    setBusy(d.id);
    setFailure(null);
    setNotice(null);
    try {
      await api.post(`${integrationPath(code)}/webhook/deliveries/${d.id}/redeliver`);
      setNotice(m.webhook.redelivered);
      log.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="section aa-log" aria-labelledby="aa-log-title">
      <div className="aa-log-head">
        <h2 id="aa-log-title">{m.webhook.log}</h2>
        <Button variant="secondary" size="small" busy={log.loading} onClick={log.reload}>
          {m.common.refresh}
        </Button>
      </div>
      <p className="muted">{m.webhook.logLead}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <ErrorAlert error={failure ?? log.error} />
      {log.loading && !log.data ? (
        <Loading />
      ) : (
        <Table
          caption={m.webhook.logCaption}
          hideCaption
          rows={log.data?.items ?? []}
          rowKey={(d) => d.id}
          empty={m.webhook.logEmpty}
          columns={[
            {
              key: 'event',
              header: m.webhook.cols.event,
              render: (d) => (
                <>
                  <code>{d.type}</code>
                  {d.payload.data?.application?.number && <span className="aa-sub muted">{fill(m.webhook.application, { number: d.payload.data.application.number })}</span>}
                </>
              ),
            },
            { key: 'created', header: m.webhook.cols.created, render: (d) => formatDateTime(d.createdAt, lang), className: 'nowrap' },
            {
              key: 'status',
              header: m.webhook.cols.status,
              render: (d) => (
                <>
                  {statusBadge(d.status, m.webhook.statuses[d.status] ?? d.status)}
                  <span className="aa-sub muted">{d.attempts === 1 ? m.webhook.attemptsOne : fill(m.webhook.attemptsCount, { n: d.attempts })}</span>
                </>
              ),
            },
            {
              key: 'last',
              header: m.webhook.cols.last,
              render: (d) =>
                d.attempts === 0 ? (
                  <span className="muted">—</span>
                ) : d.lastError ? (
                  <span className="aa-error">{d.lastError}</span>
                ) : (
                  <span className="mono">{d.lastStatusCode ?? m.webhook.noAnswer}</span>
                ),
            },
            { key: 'next', header: m.webhook.cols.next, render: (d) => (d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, lang) : '—'), className: 'nowrap' },
            {
              key: 'actions',
              header: m.webhook.cols.actions,
              render: (d) =>
                d.status === 'delivered' ? null : (
                  <Button size="small" variant="secondary" busy={busy === d.id} onClick={() => void redeliver(d)} aria-label={fill(m.webhook.redeliverLabel, { event: d.type, when: formatDateTime(d.createdAt, lang) })}>
                    {m.webhook.redeliver}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** /admin/webhook: per agency, where its system receives events, the secret, on/off, and the delivery log. */
export function WebhookAdmin() {
  const { m } = useAA();
  const [code, setCode] = useAgencyChoice();
  const loaded = useApi<Integration>(code ? `${integrationPath(code)}/integration` : null);
  const [integration, setIntegration] = useState<Integration | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => setIntegration(loaded.data), [loaded.data]);

  return (
    <>
      <PageHeader title={m.webhook.title} lead={m.webhook.lead} back={{ href: '/admin', label: m.back }} />
      <AgencyPicker value={code} onChange={setCode} />
      {code && (
        <>
          <ErrorAlert error={loaded.error} />
          {loaded.loading && !integration ? (
            <Loading />
          ) : integration && integration.agency.code === code ? (
            <>
              <Settings
                key={code}
                integration={integration}
                onSaved={(next) => {
                  setIntegration(next);
                  setVersion((v) => v + 1);
                }}
              />
              <DeliveryLog code={code} version={version} />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
