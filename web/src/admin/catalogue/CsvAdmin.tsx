import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { Alert, Badge, Button, ErrorAlert, Field, PageHeader, SelectField, Table } from '../../kit/index.ts';
import type { LocalText } from '../../citizen/catalogue/model.ts';
import { problemExtra, write } from './api.ts';
import { CatalogueNav, useSave } from './form.tsx';
import { useA } from './messages.ts';

const TABLES = ['document-types', 'agencies', 'services'] as const;
type Table = (typeof TABLES)[number];
type Status = 'added' | 'changed' | 'unchanged' | 'error';
type RowReport = { row: number; line: number; code: string | null; status: Status; changes: string[]; newVersion?: number; errors: { column: string; message: LocalText }[] };
type ImportReport = { table: Table; dryRun: boolean; applied: boolean; summary: { rows: number; added: number; changed: number; unchanged: number; errors: number }; rows: RowReport[] };

const TONE: Record<Status, 'ok' | 'soon' | 'off' | 'danger'> = { added: 'ok', changed: 'soon', unchanged: 'off', error: 'danger' };

/** /admin/katalog/csv — export the catalogue; import a CSV with a dry-run diff before "Terapkan". */
export function CsvAdmin() {
  const { a, tx } = useA();
  const k = a.csv;
  const [table, setTable] = useState<Table>('services');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [show, setShow] = useState<'changes' | 'all' | Status>('changes');
  const save = useSave();

  async function upload(apply: boolean): Promise<void> {
    if (!file) {
      save.setError(new ApiError(400, 'validation_failed', '', k.noFile));
      return;
    }
    const text = await file.text();
    let refused: ImportReport | undefined;
    const result = await save.run(
      async () => {
        try {
          return await write.csv<ImportReport>(`/api/catalogue/import/${table}${apply ? '?apply=true' : ''}`, text);
        } catch (error) {
          // A refused apply (some row is wrong) carries the report: show it.
          refused = problemExtra(error)?.import as ImportReport | undefined;
          throw error;
        }
      },
      (r) => (r.body.applied ? k.applied.replace('{{added}}', String(r.body.summary.added)).replace('{{changed}}', String(r.body.summary.changed)) : k.dryRunDone),
    );
    if (result) setReport(result.body);
    else if (refused) setReport(refused);
  }
  const label = (change: string) => (change.startsWith('standard.') ? `${a.standard.components[change.slice(9)] ?? change.slice(9)}` : change);
  const rows = (report?.rows ?? []).filter((r) => (show === 'all' ? true : show === 'changes' ? r.status !== 'unchanged' : r.status === show));
  const canApply = report && report.dryRun && !report.applied && report.summary.errors === 0 && report.summary.added + report.summary.changed > 0;

  return (
    <>
      <CatalogueNav />
      <PageHeader title={k.title} lead={k.lead} />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{k.exportTitle}</h2>
        <p className="muted">{k.exportLead}</p>
        <ul className="btn-row plain-row">
          {TABLES.map((t) => (
            <li key={t}>
              <a className="btn btn--secondary btn--small" href={`/api/catalogue/export/${t}`} download={`katalog-${t}.csv`}>
                {k.download.replace('{{table}}', k.tables[t]!)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="card section" aria-labelledby="import-title">
        <h2 id="import-title">{k.importTitle}</h2>
        <p className="muted">{k.importLead}</p>
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            setReport(null);
            void upload(false);
          }}
        >
          <div className="form-grid form-grid--2">
            <SelectField
              label={k.table}
              value={table}
              onChange={(e) => {
                setTable(e.target.value as Table);
                setReport(null);
              }}
            >
              {TABLES.map((t) => (
                <option key={t} value={t}>
                  {k.tables[t]}
                </option>
              ))}
            </SelectField>
            <Field label={k.file} hint={k.fileHint}>
              {(control) => (
                <input
                  {...control}
                  className="input input--file"
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setReport(null);
                    save.setDone(null);
                    save.setError(null);
                  }}
                />
              )}
            </Field>
          </div>
          <div className="btn-row">
            <Button type="submit" busy={save.busy}>
              {k.dryRun}
            </Button>
            {canApply && (
              <Button variant="danger" busy={save.busy} onClick={() => void upload(true)}>
                {k.apply}
              </Button>
            )}
          </div>
          {canApply && <p className="field__hint section-tight">{k.applyHint.replace('{{added}}', String(report.summary.added)).replace('{{changed}}', String(report.summary.changed))}</p>}
        </form>
        <div className="section-tight">
          <ErrorAlert error={save.error} shownFields={(save.error?.errors ?? []).map((e) => e.field)} />
          {save.done && <Alert tone={report?.applied ? 'success' : 'info'}>{save.done}</Alert>}
          {report && report.summary.errors > 0 && <Alert tone="warning">{k.fixFirst}</Alert>}
          {report && report.dryRun && report.summary.errors === 0 && report.summary.added + report.summary.changed === 0 && <Alert tone="info">{k.nothingToApply}</Alert>}
        </div>
      </section>

      {report && (
        <section className="section" aria-labelledby="report-title">
          <h2 id="report-title">{k.summary.replace('{{rows}}', String(report.summary.rows))}</h2>
          <ul className="summary-badges" aria-label={k.summary.replace('{{rows}}', String(report.summary.rows))}>
            {(['added', 'changed', 'unchanged', 'error'] as const).map((s) => (
              <li key={s}>
                <Badge tone={TONE[s]}>
                  {k.status[s]}: {s === 'error' ? report.summary.errors : report.summary[s]}
                </Badge>
              </li>
            ))}
          </ul>
          <div className="filter-bar">
            <SelectField label={k.show} value={show} onChange={(e) => setShow(e.target.value as typeof show)} className="select--compact">
              <option value="changes">
                {k.status.added} + {k.status.changed} + {k.status.error}
              </option>
              <option value="all">{k.showAll}</option>
              {(['added', 'changed', 'unchanged', 'error'] as const).map((s) => (
                <option key={s} value={s}>
                  {k.status[s]}
                </option>
              ))}
            </SelectField>
          </div>
          <Table<RowReport>
            caption={k.caption}
            hideCaption
            rows={rows}
            rowKey={(r) => String(r.row)}
            empty={a.common.none}
            columns={[
              { key: 'row', header: k.row, className: 'num', render: (r) => r.row },
              { key: 'line', header: k.line, className: 'num', render: (r) => r.line },
              { key: 'code', header: k.code, className: 'nowrap', render: (r) => <span className="mono">{r.code ?? '—'}</span> },
              { key: 'status', header: k.statusCol, render: (r) => <Badge tone={TONE[r.status]}>{k.status[r.status]}</Badge> },
              {
                key: 'details',
                header: k.details,
                className: 'wrap',
                render: (r) =>
                  r.status === 'error' ? (
                    <ul className="plain-list csv-errors">
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          <span className="mono">{e.column}</span>: {tx(e.message)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <>
                      {r.changes.map(label).join(', ')}
                      {r.newVersion !== undefined && <span className="muted"> ({k.newVersion.replace('{{n}}', String(r.newVersion))})</span>}
                    </>
                  ),
              },
            ]}
          />
        </section>
      )}
    </>
  );
}
