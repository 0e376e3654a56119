/**
 * A service standard between its three forms: the input (API body, CSV row, seed), the rows of one
 * immutable version (service_standards + service_requirements), and the public view.
 * Components per UU 25/2009 Pasal 21 and PermenPAN-RB 15/2014 (Pedoman Standar Pelayanan).
 */
import type { LocalText } from '../shared/errors.ts';
import type { StandardInput } from './model.ts';
import type { RequirementWithDocument, StandardRow } from './repository.ts';
import type { serviceRequirements, serviceStandards } from './schema.ts';

export type StandardView = {
  version: number;
  publishedAt: string;
  changeNote: string | null;
  requirements: {
    position: number;
    documentCode: string;
    document: LocalText;
    documentDescription: LocalText | null;
    optional: boolean;
    note: LocalText | null;
  }[];
  procedure: LocalText[];
  duration: { value: number; unit: 'working_days' | 'hours' | 'minutes'; text: LocalText };
  fee: { amount: number; variable: boolean; free: boolean; legalBasis: string | null; note: LocalText | null; text: LocalText };
  product: LocalText;
  complaintHandling: LocalText;
  legalBasis: string[];
  facilities: LocalText;
  staffCompetence: LocalText;
  internalSupervision: LocalText;
  staffCount: number;
  serviceGuarantee: LocalText;
  securityGuarantee: LocalText;
  performanceEvaluation: LocalText;
};

export function standardRows(
  regencyCode: string,
  serviceId: string,
  version: number,
  input: StandardInput,
  documentIds: ReadonlyMap<string, string>,
  published: { at: Date; by: string | null; changeNote: string | null },
): { standard: typeof serviceStandards.$inferInsert; requirements: (typeof serviceRequirements.$inferInsert)[] } {
  return {
    standard: {
      regencyCode,
      serviceId,
      version,
      procedure: input.procedure,
      durationValue: input.duration.value,
      durationUnit: input.duration.unit,
      feeAmount: input.fee.amount,
      feeVariable: input.fee.variable,
      feeLegalBasis: input.fee.legalBasis,
      feeNote: input.fee.note,
      product: input.product,
      complaintHandling: input.complaintHandling,
      legalBasis: input.legalBasis,
      facilities: input.facilities,
      staffCompetence: input.staffCompetence,
      internalSupervision: input.internalSupervision,
      staffCount: input.staffCount,
      serviceGuarantee: input.serviceGuarantee,
      securityGuarantee: input.securityGuarantee,
      performanceEvaluation: input.performanceEvaluation,
      changeNote: published.changeNote,
      publishedAt: published.at,
      publishedBy: published.by,
    },
    requirements: input.requirements.map((req, i) => {
      const documentTypeId = documentIds.get(req.documentCode);
      if (!documentTypeId) throw new Error(`unknown document type ${req.documentCode}`);
      return {
        regencyCode,
        serviceId,
        version,
        position: i + 1,
        documentTypeId,
        optional: req.optional,
        noteId: req.note?.id ?? null,
        noteEn: req.note?.en ?? null,
      };
    }),
  };
}

/** The input that would publish exactly this version (edit forms, CSV export, change detection). */
export function standardInputOf(row: StandardRow, requirements: readonly RequirementWithDocument[]): StandardInput {
  return {
    requirements: requirements.map((r) => ({
      documentCode: r.documentCode,
      optional: r.optional,
      note: r.noteId !== null && r.noteEn !== null ? { id: r.noteId, en: r.noteEn } : null,
    })),
    procedure: row.procedure,
    duration: { value: row.durationValue, unit: row.durationUnit },
    fee: { amount: row.feeAmount, variable: row.feeVariable, legalBasis: row.feeLegalBasis, note: row.feeNote ?? null },
    product: row.product,
    complaintHandling: row.complaintHandling,
    legalBasis: row.legalBasis,
    facilities: row.facilities,
    staffCompetence: row.staffCompetence,
    internalSupervision: row.internalSupervision,
    staffCount: row.staffCount,
    serviceGuarantee: row.serviceGuarantee,
    securityGuarantee: row.securityGuarantee,
    performanceEvaluation: row.performanceEvaluation,
  };
}

/** The components whose content differs (empty: publishing would change nothing). */
export function changedComponents(a: StandardInput, b: StandardInput): (keyof StandardInput)[] {
  return (Object.keys(a) as (keyof StandardInput)[]).filter((key) => canonical(a[key]) !== canonical(b[key]));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

export function durationText(value: number, unit: 'working_days' | 'hours' | 'minutes'): LocalText {
  if (unit === 'working_days') {
    if (value === 0) return { id: 'Selesai pada hari yang sama', en: 'Same day' };
    return { id: `${value} hari kerja`, en: `${value} working day${value === 1 ? '' : 's'}` };
  }
  if (unit === 'hours') return { id: `${value} jam kerja`, en: `${value} working hour${value === 1 ? '' : 's'}` };
  return { id: `${value} menit`, en: `${value} minute${value === 1 ? '' : 's'}` };
}

/** 'Rp 50.000', Indonesian grouping. */
export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

export function feeText(amount: number, variable: boolean): LocalText {
  if (variable) {
    return amount > 0
      ? { id: `${rupiah(amount)} ditambah sesuai ketetapan`, en: `${rupiah(amount)} plus an amount assessed case by case` }
      : { id: 'Sesuai ketetapan', en: 'As assessed' };
  }
  return amount === 0 ? { id: 'Gratis', en: 'Free' } : { id: rupiah(amount), en: rupiah(amount) };
}

export function standardView(row: StandardRow, requirements: readonly RequirementWithDocument[]): StandardView {
  return {
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    changeNote: row.changeNote,
    requirements: requirements.map((r) => ({
      position: r.position,
      documentCode: r.documentCode,
      document: { id: r.documentNameId, en: r.documentNameEn },
      documentDescription: r.documentDescriptionId !== null && r.documentDescriptionEn !== null ? { id: r.documentDescriptionId, en: r.documentDescriptionEn } : null,
      optional: r.optional,
      note: r.noteId !== null && r.noteEn !== null ? { id: r.noteId, en: r.noteEn } : null,
    })),
    procedure: row.procedure,
    duration: { value: row.durationValue, unit: row.durationUnit, text: durationText(row.durationValue, row.durationUnit) },
    fee: {
      amount: row.feeAmount,
      variable: row.feeVariable,
      free: row.feeAmount === 0 && !row.feeVariable,
      legalBasis: row.feeLegalBasis,
      note: row.feeNote ?? null,
      text: feeText(row.feeAmount, row.feeVariable),
    },
    product: row.product,
    complaintHandling: row.complaintHandling,
    legalBasis: row.legalBasis,
    facilities: row.facilities,
    staffCompetence: row.staffCompetence,
    internalSupervision: row.internalSupervision,
    staffCount: row.staffCount,
    serviceGuarantee: row.serviceGuarantee,
    securityGuarantee: row.securityGuarantee,
    performanceEvaluation: row.performanceEvaluation,
  };
}
