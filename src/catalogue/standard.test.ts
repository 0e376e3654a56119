import { describe, expect, it } from 'vitest';
import { columnOf } from './csv.ts';
import { standardSchema, type StandardInput } from './model.ts';
import { changedComponents, durationText, feeText, rupiah } from './standard.ts';

const text = (id: string) => ({ id, en: id });
const base: StandardInput = standardSchema.parse({
  requirements: [{ documentCode: 'kk' }, { documentCode: 'surat-kuasa', optional: true }],
  procedure: [text('Datang ke loket'), text('Terima produk')],
  duration: { value: 3, unit: 'working_days' },
  fee: { amount: 0 },
  product: text('KTP-el'),
  complaintHandling: text('Meja pengaduan'),
  legalBasis: ['UU 25/2009'],
  facilities: text('Ruang tunggu'),
  staffCompetence: text('Terlatih'),
  internalSupervision: text('Kepala dinas'),
  staffCount: 2,
  serviceGuarantee: text('Maklumat'),
  securityGuarantee: text('CCTV'),
  performanceEvaluation: text('SKM'),
});

describe('standard components', () => {
  it('fills the defaults of optional parts', () => {
    expect(base.requirements).toEqual([
      { documentCode: 'kk', optional: false, note: null },
      { documentCode: 'surat-kuasa', optional: true, note: null },
    ]);
    expect(base.fee).toEqual({ amount: 0, variable: false, legalBasis: null, note: null });
  });

  it('refuses a document required twice, a negative fee, no steps', () => {
    const bad = standardSchema.safeParse({ ...base, requirements: [{ documentCode: 'kk' }, { documentCode: 'kk' }], fee: { amount: -1 }, procedure: [] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['requirements', 'fee.amount', 'procedure']));
  });

  it('names the components that changed, ignoring key order', () => {
    expect(changedComponents(base, JSON.parse(JSON.stringify(base)))).toEqual([]);
    const reordered = { ...base, fee: { note: null, legalBasis: null, variable: false, amount: 0 } };
    expect(changedComponents(base, reordered)).toEqual([]);
    expect(changedComponents(base, { ...base, staffCount: 3, requirements: base.requirements.slice(1) })).toEqual(['requirements', 'staffCount']);
  });

  it('writes time and fee the way a citizen reads them', () => {
    expect(durationText(0, 'working_days')).toEqual({ id: 'Selesai pada hari yang sama', en: 'Same day' });
    expect(durationText(1, 'working_days')).toEqual({ id: '1 hari kerja', en: '1 working day' });
    expect(durationText(14, 'working_days').en).toBe('14 working days');
    expect(durationText(3, 'hours').id).toBe('3 jam kerja');
    expect(durationText(30, 'minutes').en).toBe('30 minutes');
    expect(rupiah(1350000)).toBe('Rp 1.350.000');
    expect(feeText(0, false)).toEqual({ id: 'Gratis', en: 'Free' });
    expect(feeText(30000, false).id).toBe('Rp 30.000');
    expect(feeText(0, true)).toEqual({ id: 'Sesuai ketetapan', en: 'As assessed' });
    expect(feeText(50000, true).id).toBe('Rp 50.000 ditambah sesuai ketetapan');
  });

  it('maps a validation path to the CSV column it came from', () => {
    expect(columnOf(['standard', 'fee', 'note', 'id'])).toBe('fee_note_id');
    expect(columnOf(['standard', 'procedure', 2, 'en'])).toBe('procedure_en');
    expect(columnOf(['standard', 'requirements', 0, 'documentCode'])).toBe('requirements');
    expect(columnOf(['standard', 'staffCount'])).toBe('staff_count');
    expect(columnOf(['agencyCode'])).toBe('agency_code');
    expect(columnOf(['name', 'id'])).toBe('name_id');
    expect(columnOf([])).toBe('row');
  });
});
