/**
 * The texts SAKINA sends through the outbox (SMS / WhatsApp). They carry what the recipient needs
 * to act — a name, a village, a place — and never clinical values: a police officer's phone must
 * not hold a woman's diagnosis.
 */
import type { LocalText } from '../shared/errors.ts';
import { KSPR_FACTORS, type KsprFactor } from './kspr.ts';

type Who = { name: string; village: string; address?: string | null };

const where = (w: Who) => ({ id: `${w.name} (Desa ${w.village}${w.address ? `, ${w.address}` : ''})`, en: `${w.name} (${w.village} village${w.address ? `, ${w.address}` : ''})` });

export const MESSAGES = {
  newReport: (w: Who, by: string): LocalText => ({
    id: `SAKINA: laporan ibu hamil baru dari ${by}: ${where(w).id}. Mohon dikonfirmasi.`,
    en: `SAKINA: new pregnancy report from ${by}: ${where(w).en}. Please confirm it.`,
  }),
  riskFound: (w: Who, category: string): LocalText => ({
    id: `SAKINA: ${where(w).id} masuk kategori ${category}. Anda anggota laskarnya; lihat tugas Anda di aplikasi.`,
    en: `SAKINA: ${where(w).en} is now ${category}. You are on her team; see your tasks in the app.`,
  }),
  dangerSign: (w: Who, factors: KsprFactor[]): LocalText => ({
    id: `SAKINA: tanda bahaya baru pada ${where(w).id}: ${factors.map((f) => KSPR_FACTORS[f].label.id).join('; ')}.`,
    en: `SAKINA: new danger sign for ${where(w).en}: ${factors.map((f) => KSPR_FACTORS[f].label.en).join('; ')}.`,
  }),
  /** To the whole laskar, police included: no diagnosis, only that she must go to hospital now. */
  emergency: (w: Who): LocalText => ({
    id: `SAKINA DARURAT: ${where(w).id} harus segera dirujuk ke rumah sakit. Siapkan pendampingan.`,
    en: `SAKINA EMERGENCY: ${where(w).en} must be referred to hospital now. Be ready to escort.`,
  }),
  dueSoon: (w: Who, hpl: string, days: number): LocalText => ({
    id: `SAKINA: perkiraan persalinan ${where(w).id} tanggal ${hpl} (${days} hari lagi). Pastikan rencana persalinan siap.`,
    en: `SAKINA: ${where(w).en} is due on ${hpl} (in ${days} days). Make sure the birth plan is ready.`,
  }),
  missedVisit: (w: Who, expected: string): LocalText => ({
    id: `SAKINA: ${where(w).id} belum periksa kehamilan sejak jadwal ${expected}. Mohon dikunjungi.`,
    en: `SAKINA: ${where(w).en} has missed the antenatal visit due on ${expected}. Please visit her.`,
  }),
  escortRequested: (w: Who, destination: string): LocalText => ({
    id: `SAKINA: mohon pendampingan ${where(w).id} ke ${destination}. Terima tugas di aplikasi.`,
    en: `SAKINA: escort needed for ${where(w).en} to ${destination}. Accept the task in the app.`,
  }),
  escortNotAccepted: (w: Who, destination: string, minutes: number): LocalText => ({
    id: `SAKINA MENDESAK: pendampingan ${where(w).id} ke ${destination} belum diterima setelah ${minutes} menit. Mohon segera ambil alih.`,
    en: `SAKINA URGENT: the escort of ${where(w).en} to ${destination} has not been accepted after ${minutes} minutes. Please take it over now.`,
  }),
  escortAccepted: (w: Who, officer: string): LocalText => ({
    id: `SAKINA: ${officer} menerima pendampingan ${where(w).id}.`,
    en: `SAKINA: ${officer} accepted the escort of ${where(w).en}.`,
  }),
  escortArrived: (w: Who, destination: string): LocalText => ({
    id: `SAKINA: ${where(w).id} sudah tiba di ${destination}.`,
    en: `SAKINA: ${where(w).en} has arrived at ${destination}.`,
  }),
};

/** The task reasons shown in the lists (the why of a task), bilingual. */
export const TASK_REASONS: Record<string, LocalText> = {
  risk_found: { id: 'Kunjungan rumah: ibu risiko tinggi baru ditemukan', en: 'Home visit: newly found high-risk pregnancy' },
  due_soon: { id: 'Kunjungan rumah: persalinan kurang dari 14 hari, cek kesiapan P4K', en: 'Home visit: birth within 14 days, check the birth plan is ready' },
  missed_visit: { id: 'Tindak lanjut: ibu tidak datang periksa sesuai jadwal', en: 'Follow-up: she missed her antenatal visit' },
  escort: { id: 'Pendampingan ke fasilitas kesehatan', en: 'Escort to the health facility' },
};
