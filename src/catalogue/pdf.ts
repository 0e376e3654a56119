/**
 * The printable Standar Pelayanan (the notice an MPP counter pins up, PermenPAN-RB 15/2014
 * lampiran): service delivery components first, then management components, one language per
 * print, with a QR code that opens the service page for the version in force.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Lang } from '../shared/i18n.ts';
import type { LocalText } from '../shared/errors.ts';
import type { StandardView } from './standard.ts';

export type PrintableStandard = {
  service: { code: string; name: LocalText; summary: LocalText };
  agency: { shortName: string; name: LocalText };
  current: boolean;
  standard: StandardView;
};

const LABELS = {
  title: { id: 'STANDAR PELAYANAN', en: 'SERVICE STANDARD' },
  version: { id: 'Versi', en: 'Version' },
  since: { id: 'diterbitkan', en: 'published' },
  old: { id: 'VERSI LAMA — bukan standar yang berlaku saat ini. Pindai kode QR untuk versi terbaru.', en: 'OLD VERSION — not the standard in force. Scan the QR code for the current version.' },
  scan: { id: 'Pindai untuk versi terbaru', en: 'Scan for the latest version' },
  delivery: { id: 'A. Komponen Penyampaian Pelayanan', en: 'A. Service delivery components' },
  management: { id: 'B. Komponen Pengelolaan Pelayanan', en: 'B. Service management components' },
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  procedure: { id: 'Sistem, Mekanisme dan Prosedur', en: 'System, mechanism and procedure' },
  duration: { id: 'Jangka Waktu Penyelesaian', en: 'Time to complete' },
  fee: { id: 'Biaya/Tarif', en: 'Fee' },
  product: { id: 'Produk Pelayanan', en: 'Service product' },
  complaint: { id: 'Penanganan Pengaduan, Saran dan Masukan', en: 'Complaints, suggestions and feedback' },
  legal: { id: 'Dasar Hukum', en: 'Legal basis' },
  facilities: { id: 'Sarana, Prasarana dan/atau Fasilitas', en: 'Facilities' },
  competence: { id: 'Kompetensi Pelaksana', en: 'Staff competence' },
  supervision: { id: 'Pengawasan Internal', en: 'Internal supervision' },
  staff: { id: 'Jumlah Pelaksana', en: 'Number of staff' },
  guarantee: { id: 'Jaminan Pelayanan', en: 'Service guarantee' },
  security: { id: 'Jaminan Keamanan dan Keselamatan Pelayanan', en: 'Security and safety guarantee' },
  evaluation: { id: 'Evaluasi Kinerja Pelaksana', en: 'Performance evaluation' },
  optional: { id: 'tidak wajib', en: 'optional' },
  basis: { id: 'Dasar', en: 'Basis' },
  officers: { id: 'orang', en: 'officers' },
  page: { id: 'Halaman', en: 'Page' },
  of: { id: 'dari', en: 'of' },
  printed: { id: 'Dicetak', en: 'Printed' },
  regulation: { id: 'Sesuai UU 25/2009 tentang Pelayanan Publik dan PermenPAN-RB 15/2014', en: 'Per Law 25/2009 on Public Services and PermenPAN-RB 15/2014' },
} as const satisfies Record<string, LocalText>;

/**
 * The standard PDF fonts encode WinAnsi (Latin-1 and a few typographic marks); anything else
 * would print as garbage, so it is spelled out or replaced.
 */
const WIN_ANSI_EXTRA = new Set([...'–—‘’“”•…€™‚„†‡‰‹›ŠšŒœŽžŸƒˆ˜']);
export function printable(text: string): string {
  return [...text.replaceAll('→', '->').replaceAll('≤', '<=').replaceAll('≥', '>=').replaceAll('\u00a0', ' ')]
    .map((c) => (c.charCodeAt(0) < 0x100 || WIN_ANSI_EXTRA.has(c) ? c : '?'))
    .join('');
}

function formatDate(iso: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export async function renderStandardPdf(data: PrintableStandard, lang: Lang, pageUrl: string, printedAt: Date): Promise<Buffer> {
  const t = (text: LocalText) => printable(text[lang]);
  const { standard, service, agency } = data;
  const qr = await QRCode.toBuffer(pageUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: printable(`${LABELS.title[lang]}: ${service.name[lang]}`),
      Author: printable(agency.name[lang]),
      Subject: printable(`${LABELS.version[lang]} ${standard.version}`),
      Creator: 'satupintu',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const qrSize = 90;

  // Header: title, agency, service, version; QR code on the right.
  doc.image(qr, left + width - qrSize, 45, { width: qrSize });
  doc.fontSize(7).fillColor('#555555').text(LABELS.scan[lang], left + width - qrSize, 45 + qrSize + 2, { width: qrSize, align: 'center' });
  const textWidth = width - qrSize - 15;
  doc.fillColor('#0b5394').font('Helvetica-Bold').fontSize(11).text(LABELS.title[lang], left, 50, { width: textWidth, characterSpacing: 1 });
  doc.moveDown(0.2).fillColor('#333333').font('Helvetica').fontSize(10).text(t(agency.name), { width: textWidth });
  doc.moveDown(0.4).fillColor('#000000').font('Helvetica-Bold').fontSize(16).text(t(service.name), { width: textWidth });
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#333333')
    .text(printable(`${LABELS.version[lang]} ${standard.version} · ${LABELS.since[lang]} ${formatDate(standard.publishedAt, lang)} · ${service.code}`), { width: textWidth });
  doc.moveDown(0.3).fontSize(9).fillColor('#444444').text(t(service.summary), { width: textWidth });
  doc.y = Math.max(doc.y, 45 + qrSize + 16);
  if (!data.current) {
    doc.moveDown(0.5);
    const y = doc.y;
    doc.rect(left, y, width, 22).fill('#fde9e7');
    doc.fillColor('#a61c00').font('Helvetica-Bold').fontSize(9).text(LABELS.old[lang], left + 8, y + 7, { width: width - 16 });
    doc.y = y + 26;
  }
  doc.moveDown(0.6);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.8).strokeColor('#0b5394').stroke();
  doc.moveDown(0.6);

  const section = (label: LocalText) => {
    ensureSpace(60);
    doc.moveDown(0.4).fillColor('#0b5394').font('Helvetica-Bold').fontSize(12).text(label[lang], left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const ensureSpace = (needed: number) => {
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const component = (n: number, label: LocalText, body: () => void) => {
    ensureSpace(50);
    doc.moveDown(0.3).fillColor('#000000').font('Helvetica-Bold').fontSize(10).text(`${n}. ${label[lang]}`, left, doc.y, { width });
    doc.moveDown(0.15).font('Helvetica').fontSize(9.5).fillColor('#222222');
    body();
  };
  const paragraph = (text: string) => doc.text(printable(text), left + 14, doc.y, { width: width - 14 });
  const items = (entries: string[], numbered: boolean) =>
    entries.forEach((entry, i) => {
      ensureSpace(20);
      doc.text(`${numbered ? `${i + 1}.` : '•'}`, left + 14, doc.y, { width: 16, continued: false });
      doc.moveUp();
      doc.text(printable(entry), left + 32, doc.y, { width: width - 32 });
      doc.moveDown(0.1);
    });

  section(LABELS.delivery);
  component(1, LABELS.requirements, () =>
    standard.requirements.length
      ? items(
          standard.requirements.map((r) => `${r.document[lang]}${r.optional ? ` (${LABELS.optional[lang]})` : ''}${r.note ? ` — ${r.note[lang]}` : ''}`),
          true,
        )
      : paragraph('—'),
  );
  component(2, LABELS.procedure, () => items(standard.procedure.map((p) => p[lang]), true));
  component(3, LABELS.duration, () => paragraph(standard.duration.text[lang]));
  component(4, LABELS.fee, () => {
    paragraph(standard.fee.text[lang] + (standard.fee.note ? ` — ${standard.fee.note[lang]}` : ''));
    if (standard.fee.legalBasis) paragraph(`${LABELS.basis[lang]}: ${standard.fee.legalBasis}`);
  });
  component(5, LABELS.product, () => paragraph(standard.product[lang]));
  component(6, LABELS.complaint, () => paragraph(standard.complaintHandling[lang]));

  section(LABELS.management);
  component(1, LABELS.legal, () => items(standard.legalBasis, true));
  component(2, LABELS.facilities, () => paragraph(standard.facilities[lang]));
  component(3, LABELS.competence, () => paragraph(standard.staffCompetence[lang]));
  component(4, LABELS.supervision, () => paragraph(standard.internalSupervision[lang]));
  component(5, LABELS.staff, () => paragraph(`${standard.staffCount} ${LABELS.officers[lang]}`));
  component(6, LABELS.guarantee, () => paragraph(standard.serviceGuarantee[lang]));
  component(7, LABELS.security, () => paragraph(standard.securityGuarantee[lang]));
  component(8, LABELS.evaluation, () => paragraph(standard.performanceEvaluation[lang]));

  // Footer on every page: regulation, where it came from, page x of y.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 14;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc.font('Helvetica').fontSize(7.5).fillColor('#666666');
    doc.text(printable(`${LABELS.regulation[lang]} · ${LABELS.printed[lang]} ${formatDate(printedAt, lang)}`), left, bottom, { width: width - 70, lineBreak: false });
    doc.text(printable(pageUrl), left, bottom + 10, { width: width - 70, lineBreak: false, link: pageUrl });
    doc.text(`${LABELS.page[lang]} ${i + 1} ${LABELS.of[lang]} ${range.count}`, left + width - 70, bottom, { width: 70, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
