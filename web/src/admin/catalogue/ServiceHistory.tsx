import type { ReactNode } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { Alert, Badge, ErrorAlert, Loading, PageHeader, Table } from '../../kit/index.ts';
import { formatDateTime } from '../../format.ts';
import type { Lang } from '../../i18n/index.ts';
import { isCode, type LocalText, type Standard, type VersionDetail, type VersionList } from '../../citizen/catalogue/model.ts';
import { BASE, CatalogueNav, useFresh } from './form.tsx';
import { useA, type AdminMessages } from './messages.ts';

type Line = { kind: 'same' | 'del' | 'ins'; text: string };

/** A line diff (longest common subsequence): enough for steps, legal bases and requirements. */
export function diffLines(before: readonly string[], after: readonly string[]): Line[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'del', text: before[i++]! });
    else out.push({ kind: 'ins', text: after[j++]! });
  }
  while (i < n) out.push({ kind: 'del', text: before[i++]! });
  while (j < m) out.push({ kind: 'ins', text: after[j++]! });
  return out;
}

type Change = { component: string; before: ReactNode; after: ReactNode };

function bi(t: LocalText | null | undefined): string {
  return t ? `${t.id} / ${t.en}` : '—';
}

function requirementLine(r: Standard['requirements'][number], lang: Lang, optional: string): string {
  return `${r.document[lang]}${r.optional ? ` (${optional})` : ''}${r.note ? ` — ${r.note[lang]}` : ''}`;
}

function LineDiff({ lines, side }: { lines: Line[]; side: 'before' | 'after' }) {
  const shown = lines.filter((l) => l.kind === 'same' || (side === 'before' ? l.kind === 'del' : l.kind === 'ins'));
  return (
    <ul className="diff-lines">
      {shown.map((l, i) =>
        l.kind === 'same' ? (
          <li key={i}>{l.text}</li>
        ) : l.kind === 'del' ? (
          <li key={i}>
            <del>{l.text}</del>
          </li>
        ) : (
          <li key={i}>
            <ins>{l.text}</ins>
          </li>
        ),
      )}
    </ul>
  );
}

/** What differs between two versions, component by component, in the admin's language. */
export function changesBetween(prev: Standard, next: Standard, a: AdminMessages, lang: Lang): Change[] {
  const c = a.standard.components;
  const out: Change[] = [];
  const lists = (component: string, before: string[], after: string[]) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const lines = diffLines(before, after);
    out.push({ component, before: <LineDiff lines={lines} side="before" />, after: <LineDiff lines={lines} side="after" /> });
  };
  const text = (component: string, before: string, after: string) => {
    if (before === after) return;
    out.push({ component, before: <del>{before}</del>, after: <ins>{after}</ins> });
  };
  lists(
    c.requirements!,
    prev.requirements.map((r) => requirementLine(r, lang, a.standard.optional.toLowerCase())),
    next.requirements.map((r) => requirementLine(r, lang, a.standard.optional.toLowerCase())),
  );
  lists(c.procedure!, prev.procedure.map((p) => bi(p)), next.procedure.map((p) => bi(p)));
  text(c.duration!, prev.duration.text[lang], next.duration.text[lang]);
  const fee = (s: Standard) => [s.fee.text[lang], s.fee.legalBasis, s.fee.note ? s.fee.note[lang] : null].filter((x): x is string => !!x);
  lists(c.fee!, fee(prev), fee(next));
  text(c.product!, bi(prev.product), bi(next.product));
  text(c.complaintHandling!, bi(prev.complaintHandling), bi(next.complaintHandling));
  lists(c.legalBasis!, prev.legalBasis, next.legalBasis);
  for (const key of ['facilities', 'staffCompetence', 'internalSupervision', 'serviceGuarantee', 'securityGuarantee', 'performanceEvaluation'] as const) text(c[key]!, bi(prev[key]), bi(next[key]));
  text(c.staffCount!, String(prev.staffCount), String(next.staffCount));
  return out;
}

type Row = VersionList['items'][number];

/** /admin/katalog/layanan/:code/riwayat — the versions, and what each one changed (?versi=n). */
export function ServiceHistory() {
  const { code } = useParams<{ code: string }>();
  const { a, lang, tx } = useA();
  const [location] = useLocation();
  const versions = useFresh<VersionList>(isCode(code) ? `/api/catalogue/services/${code}/versions` : null);
  const chosen = Number(new URLSearchParams(useSearch()).get('versi')) || versions.data?.currentVersion || 0;
  const next = useFresh<VersionDetail>(chosen ? `/api/catalogue/services/${code}/versions/${chosen}` : null);
  const prev = useFresh<VersionDetail>(chosen > 1 ? `/api/catalogue/services/${code}/versions/${chosen - 1}` : null);
  const h = a.history;
  if (!isCode(code)) return <PageHeader title={a.common.notFound} back={{ href: BASE, label: a.services.title }} />;
  const name = next.data ? tx(next.data.name) : code;
  const changes = next.data && prev.data && chosen > 1 ? changesBetween(prev.data.standard, next.data.standard, a, lang) : null;
  return (
    <>
      <CatalogueNav />
      <PageHeader
        title={h.title.replace('{{name}}', name)}
        lead={h.lead}
        back={{ href: BASE, label: a.services.title }}
        actions={<Link href={`${BASE}/layanan/${code}`}>{h.edit}</Link>}
      />
      <ErrorAlert error={versions.error ?? next.error ?? prev.error} />
      {versions.loading && !versions.data && <Loading />}
      <div className="history-layout">
        {versions.data && (
          <Table<Row>
            caption={h.caption}
            rows={versions.data.items}
            rowKey={(r) => String(r.version)}
            empty={a.common.none}
            columns={[
              {
                key: 'v',
                header: h.version,
                className: 'nowrap',
                render: (r) => (
                  <>
                    <Link href={`${location}?versi=${r.version}`} aria-current={r.version === chosen ? 'true' : undefined} aria-label={`${h.show}: ${h.version} ${r.version}`}>
                      {h.version} {r.version}
                    </Link>{' '}
                    {r.current && <Badge tone="ok">{h.current}</Badge>}
                  </>
                ),
              },
              { key: 'at', header: h.published, className: 'nowrap', render: (r) => formatDateTime(r.publishedAt, lang) },
              { key: 'note', header: h.note, className: 'wrap', render: (r) => r.changeNote ?? '—' },
            ]}
          />
        )}
        <section className="card" aria-labelledby="diff-title">
          <h2 id="diff-title">{h.compare.replace('{{n}}', String(chosen || ''))}</h2>
          {(next.loading || prev.loading) && <Loading />}
          {chosen === 1 && <p>{h.first.replace('{{n}}', '1')}</p>}
          {next.data?.standard.changeNote && (
            <p>
              <strong>{h.note}:</strong> {next.data.standard.changeNote}
            </p>
          )}
          {changes && (
            <>
              <p className="muted">{h.compareLead.replace('{{prev}}', String(chosen - 1))}</p>
              {changes.length === 0 ? (
                <Alert tone="info">{h.noChange}</Alert>
              ) : (
                <Table<Change>
                  caption={h.compare.replace('{{n}}', String(chosen))}
                  hideCaption
                  rows={changes}
                  rowKey={(r) => r.component}
                  empty={h.noChange}
                  columns={[
                    { key: 'c', header: h.component, className: 'nowrap', render: (r) => <strong>{r.component}</strong> },
                    { key: 'b', header: h.before.replace('{{n}}', String(chosen - 1)), className: 'wrap diff-cell', render: (r) => r.before },
                    { key: 'a', header: h.after.replace('{{n}}', String(chosen)), className: 'wrap diff-cell', render: (r) => r.after },
                  ]}
                />
              )}
            </>
          )}
          {chosen > 0 && (
            <p className="section-tight">
              <a href={`/api/catalogue/services/${code}/standard.pdf?version=${chosen}&lang=${lang}`}>{h.pdf}</a>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
