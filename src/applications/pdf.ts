/**
 * Printed papers of an application: the receipt (bukti permohonan) with the tracking QR, and the
 * verification sheet of a signed product with its check QR and SHA-256. NIK is masked on paper
 * (3510 20•• •••• 0001): a receipt left on a counter must not hand out an identity number.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { printable } from '../catalogue/pdf.ts';
import type { Lang } from '../shared/i18n.ts';
import type { LocalText } from '../shared/errors.ts';
import { formatDateTime, formatLongDate } from './format.ts';
import type { ApplicationView } from './service.ts';

const L = {
  government: { id: 'PEMERINTAH KABUPATEN BANYUWANGI', en: 'BANYUWANGI REGENCY GOVERNMENT' },
  mall: { id: 'Mal Pelayanan Publik — satupintu', en: 'Public Service Mall — satupintu' },
  receipt: { id: 'BUKTI PERMOHONAN', en: 'APPLICATION RECEIPT' },
  number: { id: 'Nomor permohonan', en: 'Application number' },
  service: { id: 'Layanan', en: 'Service' },
  agency: { id: 'Instansi', en: 'Agency' },
  standard: { id: 'Standar pelayanan', en: 'Service standard' },
  version: { id: 'versi', en: 'version' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  nik: { id: 'NIK', en: 'NIK' },
  channel: { id: 'Diajukan', en: 'Filed' },
  submitted: { id: 'Tanggal diajukan', en: 'Submitted' },
  promised: { id: 'Perkiraan selesai', en: 'Expected by' },
  paused: { id: 'menunggu perbaikan dari pemohon', en: 'waiting for the applicant’s correction' },
  status: { id: 'Status saat dicetak', en: 'Status when printed' },
  documents: { id: 'Dokumen yang diserahkan', en: 'Documents given' },
  none: { id: 'belum diunggah', en: 'not uploaded' },
  optional: { id: 'tidak wajib', en: 'optional' },
  scan: { id: 'Pindai untuk melacak', en: 'Scan to track' },
  trackAt: { id: 'Lacak permohonan di', en: 'Track the application at' },
  printed: { id: 'Dicetak', en: 'Printed' },
  free: { id: 'Simpan bukti ini. Tanyakan nomor permohonan bila menghubungi petugas. Layanan ini tidak memerlukan perantara (calo).', en: 'Keep this receipt and quote the number when you contact staff. No broker (calo) is needed for this service.' },
  online: { id: 'daring', en: 'online' },
  counter: { id: 'di loket', en: 'at a counter' },
  village: { id: 'melalui kantor desa', en: 'through a village office' },
  sheet: { id: 'LEMBAR VERIFIKASI DOKUMEN', en: 'DOCUMENT VERIFICATION SHEET' },
  sheetLead: {
    id: 'Dokumen di bawah ini diterbitkan melalui satupintu dan ditandatangani. Pindai kode QR atau buka tautan untuk memeriksa keasliannya; cocokkan sidik SHA-256 dengan berkas yang Anda pegang.',
    en: 'The document below was issued through satupintu and signed. Scan the QR code or open the link to check it; compare the SHA-256 fingerprint with the file you hold.',
  },
  document: { id: 'Dokumen', en: 'Document' },
  signedAt: { id: 'Ditandatangani', en: 'Signed' },
  signer: { id: 'Penanda tangan', en: 'Signed by' },
  fingerprint: { id: 'Sidik SHA-256', en: 'SHA-256 fingerprint' },
  check: { id: 'Periksa keaslian', en: 'Check authenticity' },
  revoked: { id: 'DICABUT — dokumen ini tidak berlaku lagi.', en: 'REVOKED — this document is no longer valid.' },
} as const satisfies Record<string, LocalText>;

function render(build: (doc: PDFKit.PDFDocument) => Promise<void>, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'satupintu', Creator: 'satupintu' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc)
      .then(() => doc.end())
      .catch(reject);
  });
}

function header(doc: PDFKit.PDFDocument, lang: Lang, title: LocalText): void {
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#1f2937').text(L.government[lang], { align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor('#4b5563').text(printable(L.mall[lang]), { align: 'center' });
  doc.moveDown(0.4);
  doc.moveTo(50, doc.y).lineTo(545, doc.y).lineWidth(1.2).strokeColor('#0f766e').stroke();
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#111827').text(title[lang], { align: 'center' });
  doc.moveDown(0.8);
}

function row(doc: PDFKit.PDFDocument, label: string, value: string, width = 330): void {
  const y = doc.y;
  doc.font('Helvetica').fontSize(9.5).fillColor('#4b5563').text(printable(label), 50, y, { width: 130 });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('#111827').text(printable(value), 185, y, { width });
  doc.moveDown(0.45);
}

/** The bukti permohonan: what was filed, when, what is promised, and the QR to follow it. */
export async function receiptPdf(view: ApplicationView, lang: Lang, trackUrl: string, now: Date): Promise<Buffer> {
  const qr = await QRCode.toBuffer(trackUrl, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  return render(async (doc) => {
    header(doc, lang, L.receipt);
    const top = doc.y;
    doc.image(qr, 420, top, { width: 125 });
    doc.font('Helvetica').fontSize(8).fillColor('#4b5563').text(L.scan[lang], 420, top + 128, { width: 125, align: 'center' });
    doc.y = top;
    row(doc, L.number[lang], view.number, 220);
    row(doc, L.service[lang], view.service.name[lang], 220);
    row(doc, L.agency[lang], view.service.agency.name[lang], 220);
    row(doc, L.standard[lang], `${L.version[lang]} ${view.standardVersion}`, 220);
    row(doc, L.applicant[lang], view.applicant.name, 220);
    row(doc, L.nik[lang], view.applicant.nikMasked, 220);
    row(doc, L.channel[lang], `${L[view.channel][lang]}${view.filedAt ? ` — ${view.filedAt}` : ''}`, 220);
    if (view.submittedAt) row(doc, L.submitted[lang], formatDateTime(new Date(view.submittedAt), lang), 220);
    const due = view.sla.state === 'paused' ? `${view.sla.dueDate ? formatLongDate(view.sla.dueDate, lang) : '-'} (${L.paused[lang]})` : view.sla.dueDate ? formatLongDate(view.sla.dueDate, lang) : '-';
    row(doc, L.promised[lang], due, 220);
    row(doc, L.status[lang], view.statusLabel[lang], 220);
    doc.y = Math.max(doc.y, top + 150);
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#111827').text(L.documents[lang], 50);
    doc.moveDown(0.3);
    for (const req of view.requirements) {
      const state = req.document ? `${req.document.mediaType.replace('application/', '').replace('image/', '').toUpperCase()}, ${Math.ceil(req.document.size / 1024)} KB` : req.optional ? L.optional[lang] : L.none[lang];
      doc.font('Helvetica').fontSize(9.5).fillColor('#111827').text(printable(`${req.document ? '[x]' : '[ ]'}  ${req.name[lang]} — ${state}`), 60, doc.y, { width: 480 });
      doc.moveDown(0.2);
    }
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(9).fillColor('#374151').text(`${L.trackAt[lang]}: ${trackUrl}`, 50, doc.y, { width: 495 });
    doc.moveDown(0.5);
    doc.text(printable(L.free[lang]), { width: 495 });
    doc.moveDown(1.5);
    doc.fontSize(8).fillColor('#6b7280').text(`${L.printed[lang]}: ${formatDateTime(now, lang)}`, { width: 495 });
  }, `${L.receipt[lang]} ${view.number}`);
}

/**
 * The verification sheet of a signed product. The product itself is delivered unchanged — an
 * agency's electronically signed PDF would lose its signature if anything were stamped on it —
 * so its check QR and fingerprint travel on this sheet and on the download page.
 */
export async function verificationSheetPdf(view: ApplicationView, lang: Lang, now: Date): Promise<Buffer> {
  const url = view.product.verificationUrl!;
  const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  return render(async (doc) => {
    header(doc, lang, L.sheet);
    doc.font('Helvetica').fontSize(9.5).fillColor('#374151').text(printable(L.sheetLead[lang]), { width: 495 });
    doc.moveDown(1);
    if (view.product.revoked) {
      doc.font('Helvetica-Bold').fontSize(12).fillColor('#b91c1c').text(L.revoked[lang]);
      doc.moveDown(0.6);
    }
    const top = doc.y;
    doc.image(qr, 420, top, { width: 125 });
    doc.y = top;
    row(doc, L.document[lang], view.product.name[lang], 220);
    row(doc, L.number[lang], view.number, 220);
    row(doc, L.agency[lang], view.service.agency.name[lang], 220);
    if (view.product.signedAt) row(doc, L.signedAt[lang], formatDateTime(new Date(view.product.signedAt), lang), 220);
    const s = view.product.signer;
    if (s) row(doc, L.signer[lang], `${s.delegation ? `${s.delegation === 'an' ? 'a.n.' : 'u.b.'} ${s.principal}, ` : ''}${s.name ?? ''}${s.position ? ` (${s.position})` : ''}`, 220);
    doc.y = Math.max(doc.y, top + 140);
    doc.moveDown(0.6);
    doc.font('Helvetica').fontSize(9.5).fillColor('#4b5563').text(L.fingerprint[lang], 50);
    doc.font('Courier').fontSize(10).fillColor('#111827').text(view.product.hash ?? '', 50, doc.y, { width: 495 });
    doc.moveDown(0.8);
    doc.font('Helvetica').fontSize(9.5).fillColor('#4b5563').text(L.check[lang], 50);
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#0f766e').text(url, 50, doc.y, { width: 495, link: url });
    doc.moveDown(2);
    doc.font('Helvetica').fontSize(8).fillColor('#6b7280').text(`${L.printed[lang]}: ${formatDateTime(now, lang)}`, 50);
  }, `${L.sheet[lang]} ${view.number}`);
}
