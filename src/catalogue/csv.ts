/**
 * CSV export and import of the catalogue, so that a regency can load its own: three tables,
 * loaded in this order — document types, agencies, services (with their standards).
 *
 * One row per record; list cells use ';' (channels, life events, keywords) or one item per line
 * (requirements, procedure steps, legal bases). A requirement line is `code`, `?code` (optional)
 * or `code | note in Indonesian | note in English`.
 *
 * Import first checks every row and reports, per row, added / changed / unchanged / error. A dry
 * run stops there and writes nothing; an apply writes every row in one transaction, and only when
 * no row has an error — a bad row rejects the whole file.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import * as identity from '../identity/repository.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { fieldMessage } from '../shared/validation.ts';
import { createAgencySchema, createServiceSchema, documentTypeSchema, type CreateAgencyInput, type CreateServiceInput, type DocumentTypeInput } from './model.ts';
import * as repo from './repository.ts';
import { applyServicePatch, insertServiceWithStandard, publishVersion } from './admin.ts';
import { changedComponents, standardInputOf } from './standard.ts';

export const CSV_TABLES = ['document-types', 'agencies', 'services'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export type RowIssue = { column: string; message: LocalText };
export type RowReport = {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The line of the text file the record starts on (cells may span lines). */
  line: number;
  code: string | null;
  status: 'added' | 'changed' | 'unchanged' | 'error';
  /** Columns (or standard components) that differ from what is stored. */
  changes: string[];
  /** For a service whose standard changes: the version the import publishes. */
  newVersion?: number;
  errors: RowIssue[];
};
export type ImportReport = {
  table: CsvTable;
  dryRun: boolean;
  applied: boolean;
  summary: { rows: number; added: number; changed: number; unchanged: number; errors: number };
  rows: RowReport[];
};

const SERVICE_COLUMNS = [
  'code', 'agency_code', 'name_id', 'name_en', 'summary_id', 'summary_en', 'level', 'channels', 'life_events', 'keywords', 'active',
  'current_version', 'change_note',
  'requirements', 'procedure_id', 'procedure_en', 'duration_value', 'duration_unit',
  'fee_amount', 'fee_variable', 'fee_legal_basis', 'fee_note_id', 'fee_note_en', 'product_id', 'product_en',
  'complaint_handling_id', 'complaint_handling_en', 'legal_basis', 'facilities_id', 'facilities_en',
  'staff_competence_id', 'staff_competence_en', 'internal_supervision_id', 'internal_supervision_en', 'staff_count',
  'service_guarantee_id', 'service_guarantee_en', 'security_guarantee_id', 'security_guarantee_en',
  'performance_evaluation_id', 'performance_evaluation_en',
] as const;
const AGENCY_COLUMNS = ['code', 'short_name', 'name_id', 'name_en', 'kind', 'phone', 'complaint_channel_id', 'complaint_channel_en', 'active'] as const;
const DOCUMENT_COLUMNS = ['code', 'name_id', 'name_en', 'description_id', 'description_en'] as const;
const COLUMNS: Record<CsvTable, readonly string[]> = { services: SERVICE_COLUMNS, agencies: AGENCY_COLUMNS, 'document-types': DOCUMENT_COLUMNS };
/** Columns an import may leave out (the export writes them all). */
const OPTIONAL_COLUMNS = new Set(['current_version', 'change_note', 'active', 'phone', 'description_id', 'description_en', 'fee_note_id', 'fee_note_en', 'fee_legal_basis', 'keywords', 'life_events']);

// — export —

const lines = (items: readonly string[]) => items.join('\n');
const list = (items: readonly string[]) => items.join(';');

export async function exportCsv(db: DbOrTx, regencyCode: string, table: CsvTable): Promise<string> {
  const columns = [...COLUMNS[table]];
  let records: Record<string, string | number | boolean>[];
  if (table === 'document-types') {
    records = (await repo.listDocumentTypes(db, regencyCode)).map((d) => ({
      code: d.code, name_id: d.nameId, name_en: d.nameEn, description_id: d.descriptionId ?? '', description_en: d.descriptionEn ?? '',
    }));
  } else if (table === 'agencies') {
    records = (await repo.listAgencies(db, regencyCode, true)).map(({ agency: a }) => ({
      code: a.code, short_name: a.shortName, name_id: a.nameId, name_en: a.nameEn, kind: a.kind, phone: a.phone ?? '',
      complaint_channel_id: a.complaintChannelId, complaint_channel_en: a.complaintChannelEn, active: a.active,
    }));
  } else {
    const current = await loadServices(db, regencyCode);
    records = [...current.byCode.values()].map(({ input, service }) => serviceRecord(input, service.currentVersion));
  }
  return stringify(records, { header: true, columns, cast: { boolean: (v) => (v ? 'true' : 'false') } });
}

function serviceRecord(s: CreateServiceInput, version: number): Record<string, string | number | boolean> {
  const st = s.standard;
  return {
    code: s.code, agency_code: s.agencyCode, name_id: s.name.id, name_en: s.name.en, summary_id: s.summary.id, summary_en: s.summary.en,
    level: s.level, channels: list(s.channels), life_events: list(s.lifeEvents), keywords: list(s.keywords), active: s.active,
    current_version: version, change_note: '',
    requirements: lines(st.requirements.map((r) => `${r.optional ? '?' : ''}${r.documentCode}${r.note ? ` | ${r.note.id} | ${r.note.en}` : ''}`)),
    procedure_id: lines(st.procedure.map((p) => p.id)), procedure_en: lines(st.procedure.map((p) => p.en)),
    duration_value: st.duration.value, duration_unit: st.duration.unit,
    fee_amount: st.fee.amount, fee_variable: st.fee.variable, fee_legal_basis: st.fee.legalBasis ?? '',
    fee_note_id: st.fee.note?.id ?? '', fee_note_en: st.fee.note?.en ?? '',
    product_id: st.product.id, product_en: st.product.en,
    complaint_handling_id: st.complaintHandling.id, complaint_handling_en: st.complaintHandling.en,
    legal_basis: lines(st.legalBasis),
    facilities_id: st.facilities.id, facilities_en: st.facilities.en,
    staff_competence_id: st.staffCompetence.id, staff_competence_en: st.staffCompetence.en,
    internal_supervision_id: st.internalSupervision.id, internal_supervision_en: st.internalSupervision.en,
    staff_count: st.staffCount,
    service_guarantee_id: st.serviceGuarantee.id, service_guarantee_en: st.serviceGuarantee.en,
    security_guarantee_id: st.securityGuarantee.id, security_guarantee_en: st.securityGuarantee.en,
    performance_evaluation_id: st.performanceEvaluation.id, performance_evaluation_en: st.performanceEvaluation.en,
  };
}

/** Every service as the input that would recreate it, by code. */
async function loadServices(db: DbOrTx, regencyCode: string) {
  // One after the other: inside a transaction there is a single connection.
  const services = await repo.listAllServices(db, regencyCode);
  const standards = await repo.listCurrentStandards(db, regencyCode);
  const requirements = await repo.listCurrentRequirements(db, regencyCode);
  const lifeEvents = await repo.listServiceLifeEvents(db, regencyCode);
  const agencies = await repo.listAgencies(db, regencyCode, true);
  const agencyCode = new Map(agencies.map((a) => [a.agency.id, a.agency.code]));
  const standardOf = new Map(standards.map((s) => [s.serviceId, s]));
  const requirementsOf = groupBy(requirements, (r) => r.serviceId);
  const lifeEventsOf = groupBy(lifeEvents, (e) => e.serviceId);
  const byCode = new Map<string, { service: repo.ServiceRow; input: CreateServiceInput }>();
  for (const service of services) {
    const standard = standardInputOf(standardOf.get(service.id)!, requirementsOf.get(service.id) ?? []);
    byCode.set(service.code, {
      service,
      input: {
        code: service.code,
        agencyCode: agencyCode.get(service.agencyId)!,
        name: { id: service.nameId, en: service.nameEn },
        summary: { id: service.summaryId, en: service.summaryEn },
        level: service.level,
        channels: service.channels,
        lifeEvents: (lifeEventsOf.get(service.id) ?? []).map((e) => e.lifeEventCode),
        keywords: service.keywords,
        active: service.active,
        standard,
      },
    });
  }
  return { byCode };
}

// — import: reading cells —

type Cells = Record<string, string>;
type Parsed<T> = { value: T; extra: { changeNote: string | null; expectedVersion: number | null } } | { errors: RowIssue[] };

const bilingualText = (cells: Cells, column: string) => ({ id: cells[`${column}_id`] ?? '', en: cells[`${column}_en`] ?? '' });
const optionalBilingual = (cells: Cells, column: string) =>
  cells[`${column}_id`] || cells[`${column}_en`] ? bilingualText(cells, column) : null;
const splitList = (cell: string | undefined) => (cell ?? '').split(';').map((v) => v.trim()).filter(Boolean);
const splitLines = (cell: string | undefined) => (cell ?? '').split(/\r?\n/).map((v) => v.trim()).filter(Boolean);

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, ya: true, tidak: false, yes: true, no: false, '1': true, '0': false };

class CellError extends Error {
  constructor(readonly issue: RowIssue) {
    super(issue.message.en);
  }
}

function booleanCell(cells: Cells, column: string, fallback: boolean): boolean {
  const raw = (cells[column] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  const value = BOOLEAN_WORDS[raw];
  if (value === undefined) throw new CellError({ column, message: { id: `Isi "true" atau "false", bukan "${cells[column]}"`, en: `Use "true" or "false", not "${cells[column]}"` } });
  return value;
}

function integerCell(cells: Cells, column: string): number {
  const raw = (cells[column] ?? '').trim().replaceAll('.', '').replaceAll('_', '');
  if (!/^-?\d+$/.test(raw)) throw new CellError({ column, message: { id: `Harus berupa bilangan bulat, bukan "${cells[column] ?? ''}"`, en: `Must be a whole number, not "${cells[column] ?? ''}"` } });
  return Number(raw);
}

/** A zod issue path → the CSV column it came from: 'standard.fee.note.id' → 'fee_note_id'. */
export function columnOf(path: readonly PropertyKey[]): string {
  const parts = path.filter((p) => typeof p === 'string' && p !== 'standard') as string[];
  if (parts[0] === 'requirements') return 'requirements';
  return parts.map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join('_') || 'row';
}

function validate<S extends z.ZodType>(schema: S, candidate: unknown): { value: z.infer<S> } | { errors: RowIssue[] } {
  const result = schema.safeParse(candidate);
  if (result.success) return { value: result.data };
  return {
    errors: result.error.issues.map((issue) => {
      let column = columnOf(issue.path);
      if (column === 'requirements' && typeof issue.path[2] === 'number') column = `requirements (baris ${issue.path[2] + 1} / line ${issue.path[2] + 1})`;
      return { column, message: fieldMessage(issue as never) };
    }),
  };
}

function parseServiceRow(cells: Cells): Parsed<CreateServiceInput> {
  try {
    const procedureId = splitLines(cells.procedure_id);
    const procedureEn = splitLines(cells.procedure_en);
    if (procedureId.length !== procedureEn.length) {
      throw new CellError({
        column: 'procedure_en',
        message: { id: `Jumlah langkah berbeda: ${procedureId.length} (id) dan ${procedureEn.length} (en)`, en: `Step counts differ: ${procedureId.length} (id) and ${procedureEn.length} (en)` },
      });
    }
    const requirements = splitLines(cells.requirements).map((line) => {
      const [head = '', noteId, noteEn] = line.split('|').map((p) => p.trim());
      const optional = head.startsWith('?');
      return { documentCode: optional ? head.slice(1).trim() : head, optional, note: noteId || noteEn ? { id: noteId ?? '', en: noteEn ?? '' } : null };
    });
    const candidate = {
      code: cells.code,
      agencyCode: cells.agency_code,
      name: bilingualText(cells, 'name'),
      summary: bilingualText(cells, 'summary'),
      level: cells.level,
      channels: splitList(cells.channels),
      lifeEvents: splitList(cells.life_events),
      keywords: splitList(cells.keywords),
      active: booleanCell(cells, 'active', true),
      standard: {
        requirements,
        procedure: procedureId.map((id, i) => ({ id, en: procedureEn[i] })),
        duration: { value: integerCell(cells, 'duration_value'), unit: cells.duration_unit },
        fee: {
          amount: integerCell(cells, 'fee_amount'),
          variable: booleanCell(cells, 'fee_variable', false),
          legalBasis: cells.fee_legal_basis?.trim() || null,
          note: optionalBilingual(cells, 'fee_note'),
        },
        product: bilingualText(cells, 'product'),
        complaintHandling: bilingualText(cells, 'complaint_handling'),
        legalBasis: splitLines(cells.legal_basis),
        facilities: bilingualText(cells, 'facilities'),
        staffCompetence: bilingualText(cells, 'staff_competence'),
        internalSupervision: bilingualText(cells, 'internal_supervision'),
        staffCount: integerCell(cells, 'staff_count'),
        serviceGuarantee: bilingualText(cells, 'service_guarantee'),
        securityGuarantee: bilingualText(cells, 'security_guarantee'),
        performanceEvaluation: bilingualText(cells, 'performance_evaluation'),
      },
    };
    const version = (cells.current_version ?? '').trim() ? integerCell(cells, 'current_version') : null;
    const result = validate(createServiceSchema, candidate);
    if ('errors' in result) return result;
    return { value: result.value, extra: { changeNote: cells.change_note?.trim() || null, expectedVersion: version } };
  } catch (error) {
    if (error instanceof CellError) return { errors: [error.issue] };
    throw error;
  }
}

function parseAgencyRow(cells: Cells): Parsed<CreateAgencyInput> {
  try {
    const result = validate(createAgencySchema, {
      code: cells.code,
      shortName: cells.short_name,
      name: bilingualText(cells, 'name'),
      kind: cells.kind,
      phone: cells.phone?.trim() || null,
      complaintChannel: bilingualText(cells, 'complaint_channel'),
      active: booleanCell(cells, 'active', true),
    });
    return 'errors' in result ? result : { value: result.value, extra: { changeNote: null, expectedVersion: null } };
  } catch (error) {
    if (error instanceof CellError) return { errors: [error.issue] };
    throw error;
  }
}

function parseDocumentRow(cells: Cells): Parsed<DocumentTypeInput> {
  const result = validate(documentTypeSchema, { code: cells.code, name: bilingualText(cells, 'name'), description: optionalBilingual(cells, 'description') });
  return 'errors' in result ? result : { value: result.value, extra: { changeNote: null, expectedVersion: null } };
}

type At = { row: number; line: number };

/** Reads the file into cell maps with the row and line each record starts on; a malformed file is one clear error. */

function readCsv(text: string, table: CsvTable): { at: At; cells: Cells }[] {
  let records: { record: Cells; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, info: true, relax_column_count: false, trim: false });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new AppError('validation_failed', { id: `Berkas CSV tidak dapat dibaca (baris ${e.lines ?? '?'}): ${e.message}`, en: `The CSV file cannot be read (line ${e.lines ?? '?'}): ${e.message}` });
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const required = COLUMNS[table].filter((c) => !OPTIONAL_COLUMNS.has(c));
  const missing = records.length ? required.filter((c) => !header.includes(c)) : [];
  if (missing.length) {
    throw new AppError('validation_failed', { id: `Kolom wajib tidak ada: ${missing.join(', ')}.`, en: `Required columns are missing: ${missing.join(', ')}.` });
  }
  let previousEnd = 1; // the header line
  let previousEmpty = 0;
  return records.map(({ record, info }, i) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return { at: { row: i + 2, line }, cells: record };
  });
}

// — import: diff and apply —

type Plan = { report: RowReport; apply?: (tx: DbOrTx) => Promise<void> };

const MAX_ROWS = 5000;

export async function importCsv(ctx: AppContext, actor: Actor, table: CsvTable, text: string, dryRun: boolean, meta: RequestMeta): Promise<ImportReport> {
  const rows = readCsv(text, table);
  if (rows.length > MAX_ROWS) throw new AppError('validation_failed', { id: `Paling banyak ${MAX_ROWS} baris per impor.`, en: `At most ${MAX_ROWS} rows per import.` });
  return ctx.db.transaction(async (tx) => {
    const plans = await planImport(tx, ctx, actor, table, rows);
    const reports = plans.map((p) => p.report);
    const count = (status: RowReport['status']) => reports.filter((r) => r.status === status).length;
    const summary = { rows: reports.length, added: count('added'), changed: count('changed'), unchanged: count('unchanged'), errors: count('error') };
    const report: ImportReport = { table, dryRun, applied: false, summary, rows: reports };
    if (summary.errors > 0 && !dryRun) {
      throw new AppError(
        'validation_failed',
        {
          id: `${summary.errors} baris berisi kesalahan; tidak ada yang disimpan. Perbaiki baris yang disebut (nomor baris lembar kerja) lalu impor lagi.`,
          en: `${summary.errors} row(s) have errors; nothing was saved. Fix the rows listed (spreadsheet row numbers) and import again.`,
        },
        reports.filter((r) => r.status === 'error').flatMap((r) => r.errors.map((e) => ({ field: `row ${r.row}: ${e.column}`, message: e.message }))),
        { import: report },
      );
    }
    if (dryRun) return report;
    for (const plan of plans) await plan.apply?.(tx);
    if (table === 'services' && summary.added + summary.changed > 0) await repo.flushSearchIndex(tx);
    await recordAudit(
      tx,
      ctx.regencyCode,
      actor,
      meta,
      {
        action: 'import',
        entityType: 'catalogue',
        entityId: table,
        details: {
          summary,
          added: reports.filter((r) => r.status === 'added').map((r) => r.code),
          changed: reports.filter((r) => r.status === 'changed').map((r) => ({ code: r.code, changes: r.changes, newVersion: r.newVersion })),
        },
      },
      ctx.now(),
    );
    return { ...report, applied: true };
  });
}

function duplicateCheck(): (code: string | null, row: number) => RowIssue | null {
  const seen = new Map<string, number>();
  return (code, row) => {
    if (!code) return null;
    const first = seen.get(code);
    if (first !== undefined) return { column: 'code', message: { id: `Kode "${code}" sudah dipakai di baris ${first}`, en: `Code "${code}" is already used on row ${first}` } };
    seen.set(code, row);
    return null;
  };
}

function errorReport(at: At, code: string | null, errors: RowIssue[]): Plan {
  return { report: { ...at, code, status: 'error', changes: [], errors } };
}

async function planImport(tx: DbOrTx, ctx: AppContext, actor: Actor, table: CsvTable, rows: { at: At; cells: Cells }[]): Promise<Plan[]> {
  const r = ctx.regencyCode;
  const duplicate = duplicateCheck();
  if (table === 'document-types') {
    const existing = new Map((await repo.listDocumentTypes(tx, r)).map((d) => [d.code, d]));
    return rows.map(({ at, cells }) => {
      const parsed = parseDocumentRow(cells);
      const code = cells.code?.trim() || null;
      const dup = duplicate(code, at.row);
      if ('errors' in parsed || dup) return errorReport(at, code, [...(dup ? [dup] : []), ...('errors' in parsed ? parsed.errors : [])]);
      const d = parsed.value;
      const row = { nameId: d.name.id, nameEn: d.name.en, descriptionId: d.description?.id ?? null, descriptionEn: d.description?.en ?? null };
      const old = existing.get(d.code);
      if (!old) return { report: { ...at, code: d.code, status: 'added', changes: [], errors: [] }, apply: async (t) => void (await repo.insertDocumentTypes(t, [{ regencyCode: r, code: d.code, ...row }])) };
      const changes = (Object.keys(row) as (keyof typeof row)[]).filter((k) => row[k] !== old[k]).map(snake);
      if (!changes.length) return { report: { ...at, code: d.code, status: 'unchanged', changes, errors: [] } };
      return { report: { ...at, code: d.code, status: 'changed', changes, errors: [] }, apply: (t) => repo.updateDocumentType(t, r, old.id, row) };
    });
  }

  if (table === 'agencies') {
    const existing = new Map((await repo.listAgencies(tx, r, true)).map((a) => [a.agency.code, a.agency]));
    return rows.map(({ at, cells }) => {
      const parsed = parseAgencyRow(cells);
      const code = cells.code?.trim() || null;
      const dup = duplicate(code, at.row);
      if ('errors' in parsed || dup) return errorReport(at, code, [...(dup ? [dup] : []), ...('errors' in parsed ? parsed.errors : [])]);
      const a = parsed.value;
      const row = {
        shortName: a.shortName, nameId: a.name.id, nameEn: a.name.en, kind: a.kind, phone: a.phone,
        complaintChannelId: a.complaintChannel.id, complaintChannelEn: a.complaintChannel.en, active: a.active,
      };
      const old = existing.get(a.code);
      if (!old) {
        return {
          report: { ...at, code: a.code, status: 'added', changes: [], errors: [] },
          apply: async (t) => {
            const place = await identity.upsertPlace(t, { regencyCode: r, kind: 'agency', code: a.code, name: a.name.id, regionCode: null });
            await repo.insertAgencies(t, [{ regencyCode: r, placeId: place.id, code: a.code, ...row }]);
          },
        };
      }
      const changes = (Object.keys(row) as (keyof typeof row)[]).filter((k) => row[k] !== old[k]).map(snake);
      if (!changes.length) return { report: { ...at, code: a.code, status: 'unchanged', changes, errors: [] } };
      return { report: { ...at, code: a.code, status: 'changed', changes, errors: [] }, apply: (t) => repo.updateAgency(t, r, old.id, row, ctx.now()) };
    });
  }

  const current = await loadServices(tx, r);
  const agencies = await repo.listAgencies(tx, r, true);
  const documents = await repo.listDocumentTypes(tx, r);
  const lifeEvents = await repo.listLifeEvents(tx, r);
  const agencyIds = new Map(agencies.map((a) => [a.agency.code, a.agency.id]));
  const documentIds = new Map(documents.map((d) => [d.code, d.id]));
  const knownEvents = new Set(lifeEvents.map((e) => e.code));
  const by = actor.kind === 'user' ? actor.userId : null;
  return rows.map(({ at, cells }) => {
    const parsed = parseServiceRow(cells);
    const code = cells.code?.trim() || null;
    const dup = duplicate(code, at.row);
    if ('errors' in parsed) return errorReport(at, code, [...(dup ? [dup] : []), ...parsed.errors]);
    const s = parsed.value;
    const errors: RowIssue[] = dup ? [dup] : [];
    if (!agencyIds.has(s.agencyCode)) errors.push({ column: 'agency_code', message: { id: `Instansi "${s.agencyCode}" tidak dikenal (impor instansi dulu)`, en: `Unknown agency "${s.agencyCode}" (import agencies first)` } });
    const unknownDocs = s.standard.requirements.filter((q) => !documentIds.has(q.documentCode)).map((q) => q.documentCode);
    if (unknownDocs.length) errors.push({ column: 'requirements', message: { id: `Jenis dokumen tidak dikenal: ${unknownDocs.join(', ')}`, en: `Unknown document types: ${unknownDocs.join(', ')}` } });
    const unknownEvents = s.lifeEvents.filter((e) => !knownEvents.has(e));
    if (unknownEvents.length) errors.push({ column: 'life_events', message: { id: `Peristiwa kehidupan tidak dikenal: ${unknownEvents.join(', ')}`, en: `Unknown life events: ${unknownEvents.join(', ')}` } });
    const old = current.byCode.get(s.code);
    const standardChanges = old ? changedComponents(old.input.standard, s.standard) : [];
    const expected = parsed.extra.expectedVersion;
    if (old && standardChanges.length && expected !== null && expected !== old.service.currentVersion) {
      errors.push({
        column: 'current_version',
        message: {
          id: `Standar ini sudah diubah sejak diekspor (versi ${expected}, kini versi ${old.service.currentVersion}); ekspor ulang lalu terapkan perubahan Anda`,
          en: `This standard changed since it was exported (version ${expected}, now version ${old.service.currentVersion}); export again and reapply your change`,
        },
      });
    }
    if (errors.length) return errorReport(at, s.code, errors);
    const published = { at: ctx.now(), by, changeNote: parsed.extra.changeNote ?? 'Impor CSV / CSV import' };
    if (!old) {
      return {
        report: { ...at, code: s.code, status: 'added', changes: [], newVersion: 1, errors: [] },
        apply: async (t) => void (await insertServiceWithStandard(t, r, s, agencyIds.get(s.agencyCode)!, documentIds, published)),
      };
    }
    const metaChanges = serviceFieldChanges(old.input, s);
    const changes = [...metaChanges, ...standardChanges.map((c) => `standard.${c}`)];
    if (!changes.length) return { report: { ...at, code: s.code, status: 'unchanged', changes, errors: [] } };
    const newVersion = standardChanges.length ? old.service.currentVersion + 1 : undefined;
    return {
      report: { ...at, code: s.code, status: 'changed', changes, ...(newVersion ? { newVersion } : {}), errors: [] },
      apply: async (t) => {
        if (metaChanges.length) await applyServicePatch(t, r, old.service, s, ctx.now());
        if (standardChanges.length) await publishVersion(t, r, old.service, s.standard, documentIds, published);
      },
    };
  });
}

function serviceFieldChanges(a: CreateServiceInput, b: CreateServiceInput): string[] {
  const sorted = (xs: string[]) => JSON.stringify([...xs].sort());
  const changes: string[] = [];
  if (a.agencyCode !== b.agencyCode) changes.push('agency_code');
  if (a.name.id !== b.name.id || a.name.en !== b.name.en) changes.push('name');
  if (a.summary.id !== b.summary.id || a.summary.en !== b.summary.en) changes.push('summary');
  if (a.level !== b.level) changes.push('level');
  if (sorted(a.channels) !== sorted(b.channels)) changes.push('channels');
  if (sorted(a.lifeEvents) !== sorted(b.lifeEvents)) changes.push('life_events');
  if (JSON.stringify(a.keywords) !== JSON.stringify(b.keywords)) changes.push('keywords');
  if (a.active !== b.active) changes.push('active');
  return changes;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
