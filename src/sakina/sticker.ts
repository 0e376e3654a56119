/**
 * The P4K sticker, the sign stuck on the house of a pregnant woman so that neighbours, the kader
 * and the ambulance driver know the plan: who helps, where, with what transport, which donors.
 * It is on a door, so it carries no NIK, no phone numbers of the woman and no risk category —
 * only what the plan needs (Buku KIA, stiker P4K).
 */
import PDFDocument from 'pdfkit';
import { printable } from '../catalogue/pdf.ts';
import type { Lang } from '../shared/i18n.ts';
import type { BirthPlanRow, PregnancyWithPlaces } from './repository.ts';

const L = {
  title: { id: 'STIKER P4K', en: 'P4K BIRTH PLAN STICKER' },
  subtitle: { id: 'Program Perencanaan Persalinan dan Pencegahan Komplikasi', en: 'Birth Planning and Complication Prevention Programme' },
  here: { id: 'DI RUMAH INI ADA IBU HAMIL', en: 'A PREGNANT WOMAN LIVES HERE' },
  mother: { id: 'Nama ibu', en: 'Mother' },
  due: { id: 'Taksiran persalinan', en: 'Expected delivery' },
  attendant: { id: 'Penolong persalinan', en: 'Birth attendant' },
  place: { id: 'Tempat persalinan', en: 'Place of birth' },
  companion: { id: 'Pendamping persalinan', en: 'Birth companion' },
  transport: { id: 'Transportasi', en: 'Transport' },
  donors: { id: 'Calon donor darah', en: 'Blood donor candidates' },
  footer: { id: 'Bila ada tanda bahaya (perdarahan, kejang, ketuban pecah, demam) segera hubungi bidan atau bawa ke fasilitas kesehatan.', en: 'At any danger sign (bleeding, fits, waters breaking, fever) call the midwife or go to a health facility at once.' },
  by: { id: 'SAKINA', en: 'SAKINA' },
} as const;

const ATTENDANT: Record<string, Record<Lang, string>> = {
  midwife: { id: 'Bidan', en: 'Midwife' },
  doctor: { id: 'Dokter', en: 'Doctor' },
  obstetrician: { id: 'Dokter spesialis kandungan', en: 'Obstetrician' },
};
const TRANSPORT: Record<string, Record<Lang, string>> = {
  village_ambulance: { id: 'Ambulans desa', en: 'Village ambulance' },
  ambulance: { id: 'Ambulans', en: 'Ambulance' },
  car: { id: 'Mobil', en: 'Car' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** "Oktober 2026": the sticker gives the month, the day is the midwife's business. */
function monthOf(date: string | null, lang: Lang): string {
  if (!date) return '-';
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** An A5 landscape sticker (210 × 148 mm). */
export async function p4kStickerPdf(p: PregnancyWithPlaces, plan: BirthPlanRow, lang: Lang, regency: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', layout: 'landscape', margin: 28, info: { Title: `${L.title[lang]} — ${p.name}`, Author: `SAKINA ${regency}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const w = doc.page.width;
  const x = 28;
  const inner = w - 56;

  doc.rect(14, 14, w - 28, doc.page.height - 28).lineWidth(3).strokeColor('#b0124c').stroke();
  doc.fillColor('#b0124c').font('Helvetica-Bold').fontSize(20).text(L.title[lang], x, 26, { width: inner, align: 'center' });
  doc.fillColor('#333').font('Helvetica').fontSize(9).text(printable(L.subtitle[lang]), { width: inner, align: 'center' });
  doc.moveDown(0.3);
  doc.fillColor('#fff').rect(x, doc.y, inner, 22).fill('#b0124c');
  doc.fillColor('#fff').font('Helvetica-Bold').fontSize(13).text(L.here[lang], x, doc.y + 5, { width: inner, align: 'center' });
  doc.moveDown(0.8);

  const rows: [string, string][] = [
    [L.mother[lang], p.name],
    [L.due[lang], monthOf(p.hpl, lang)],
    [L.attendant[lang], [ATTENDANT[plan.attendant]?.[lang] ?? plan.attendant, plan.attendantName].filter(Boolean).join(' — ')],
    [L.place[lang], plan.placeName],
    [L.companion[lang], [plan.companionName, plan.companionRelation ? `(${plan.companionRelation})` : null].filter(Boolean).join(' ')],
    [L.transport[lang], [TRANSPORT[plan.transport]?.[lang] ?? plan.transport, plan.transportDetail].filter(Boolean).join(' — ')],
  ];
  doc.fillColor('#111');
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(11).text(printable(label), x + 6, y, { width: 150 });
    doc.font('Helvetica-Bold').fontSize(11).text(printable(`: ${value}`), x + 156, y, { width: inner - 162 });
    doc.moveDown(0.25);
  }
  const y = doc.y;
  doc.font('Helvetica').fontSize(11).text(printable(L.donors[lang]), x + 6, y, { width: 150 });
  const donors = plan.donors.map((d, i) => `${i + 1}. ${d.name} (${d.bloodType})`);
  const half = Math.ceil(donors.length / 2);
  doc.font('Helvetica-Bold').fontSize(11).text(printable(`: ${donors.slice(0, half).join('\n  ')}`), x + 156, y, { width: (inner - 162) / 2 });
  doc.font('Helvetica-Bold').fontSize(11).text(printable(donors.slice(half).join('\n')), x + 156 + (inner - 162) / 2, y, { width: (inner - 162) / 2 });
  doc.y = Math.max(doc.y, y + 14 * half) + 10;

  doc.font('Helvetica-Oblique').fontSize(9).fillColor('#b0124c').text(printable(L.footer[lang]), x, doc.page.height - 62, { width: inner, align: 'center' });
  doc.font('Helvetica').fontSize(8).fillColor('#555').text(printable(`${L.by[lang]} · ${p.puskesmas.name} · Desa ${p.village.name} · ${regency}`), x, doc.page.height - 38, { width: inner, align: 'center' });
  doc.end();
  return done;
}
