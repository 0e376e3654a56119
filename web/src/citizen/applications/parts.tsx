/** Pieces the citizen pages and the back office share: timeline, status badge, facts. */
import { Badge } from '../../kit/index.ts';
import { formatDateTime } from '../../format.ts';
import { useM } from './messages.ts';
import { formatDay, statusTone, type Application, type LocalText, type TimelineEvent } from './model.ts';
import './applications.css';

export function StatusBadge({ status, label, late = false }: { status: string; label: LocalText; late?: boolean }) {
  const { tx } = useM();
  return (
    <Badge tone={statusTone(status, late)}>
      <span data-status={status}>{tx(label)}</span>
    </Badge>
  );
}

const MOVES = new Set(['submit', 'advance', 'return', 'resubmit', 'reject', 'withdraw', 'deliver', 'escalate', 'product', 'claim', 'release']);

/** What an event is called on a timeline: submitting and resubmitting read as what the citizen did. */
export function eventLabel(action: string, toLabel: LocalText, tx: (t: LocalText) => string): string {
  switch (action) {
    case 'submit':
      return tx({ id: 'Permohonan diajukan', en: 'Application submitted' });
    case 'resubmit':
      return tx({ id: 'Perbaikan dikirim', en: 'Correction sent' });
    case 'product':
      return tx({ id: 'Dokumen hasil diunggah', en: 'Result document uploaded' });
    case 'claim':
      return tx({ id: 'Diambil untuk ditangani', en: 'Taken to handle' });
    case 'release':
      return tx({ id: 'Dilepas kembali', en: 'Released' });
    case 'escalate':
      return tx({ id: 'Terlambat — diteruskan ke atasan', en: 'Late — escalated to the supervisor' });
    default:
      return tx(toLabel);
  }
}

/** The timeline: who (the office, or the person for staff), when, what, with the note. */
export function Timeline({ events, staff = false }: { events: TimelineEvent[]; staff?: boolean }) {
  const { m, tx, lang, fmt } = useM();
  const shown = events.filter((e) => MOVES.has(e.action) && (staff || !['claim', 'release', 'escalate'].includes(e.action)));
  return (
    <ol className="timeline" aria-label={m.detail.timeline}>
      {[...shown].reverse().map((e) => {
        const tone = e.to === 'ditolak' || e.action === 'escalate' ? 'is-danger' : e.action === 'return' ? 'is-warning' : '';
        const who = staff ? [e.actor.name, e.actor.role === 'citizen' ? m.act.parties.applicant : e.actor.place].filter(Boolean).join(' — ') : e.actor.role === 'citizen' ? m.detail.you : (e.actor.place ?? null);
        return (
          <li key={e.seq} className={tone} data-action={e.action}>
            <strong>{eventLabel(e.action, e.toLabel, tx)}</strong>
            <span className="timeline__when">
              {formatDateTime(e.at, lang)}
              {who ? ` · ${fmt(m.detail.by, { who })}` : ''}
            </span>
            {e.note && <p className="timeline__note">{e.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}

/** Status, promise, filing facts. */
export function Facts({ app }: { app: Application }) {
  const { m, tx, lang, fmt } = useM();
  const due =
    app.sla.state === 'paused'
      ? m.detail.duePaused
      : app.sla.dueDate
        ? app.sla.late
          ? fmt(m.detail.dueLate, { date: formatDay(app.sla.dueDate, lang), n: app.sla.workingDaysLate })
          : formatDay(app.sla.dueDate, lang)
        : '—';
  return (
    <dl className="facts">
      <div>
        <dt>{m.detail.status}</dt>
        <dd>
          <StatusBadge status={app.status} label={app.statusLabel} late={app.sla.late && app.sla.state === 'running'} />
        </dd>
      </div>
      <div>
        <dt>{m.detail.due}</dt>
        <dd className={app.sla.late ? 'late-text' : undefined} data-testid="due">
          {due}
        </dd>
      </div>
      <div>
        <dt>{m.detail.submitted}</dt>
        <dd>{app.submittedAt ? formatDateTime(app.submittedAt, lang) : '—'}</dd>
      </div>
      <div>
        <dt>{m.detail.filedAt}</dt>
        <dd>
          {m.detail.channel[app.channel]}
          {app.filedAt ? ` — ${app.filedAt}` : ''}
        </dd>
      </div>
      <div>
        <dt>{tx({ id: 'Instansi', en: 'Agency' })}</dt>
        <dd>{app.service.agency.shortName}</dd>
      </div>
    </dl>
  );
}
