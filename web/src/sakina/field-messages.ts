/**
 * Words of SAKINA's field screens (KSPR retraction, the laskar team editor, alerts read, the
 * offline report queue), beside messages.ts so that their edits do not collide. Indonesian is the
 * source; English is typed against it, so a missing key is a compile error.
 */
import { useLang } from '../i18n/use-lang.ts';

const id = {
  retract: {
    action: 'Batalkan faktor',
    actionFor: (factor: string) => `Batalkan faktor ${factor}`,
    reason: 'Alasan pembatalan',
    reasonHint: 'Mis. salah centang, hasil pemeriksaan ulang. Tercatat di riwayat dan log audit.',
    next: 'Lanjut',
    confirm: (factor: string, before: number, after: number) => `Batalkan “${factor}”? Skor KSPR turun dari ${before} menjadi ${after}.`,
    confirmYes: 'Ya, batalkan faktor',
    done: (factor: string) => `Faktor “${factor}” dibatalkan. Skor dan kategori dihitung ulang.`,
    reasonRequired: 'Tuliskan alasannya (paling sedikit 3 karakter).',
    history: 'Riwayat KSPR',
    retractedNote: 'dibatalkan',
    retractedBy: (who: string, when: string) => `Dibatalkan oleh ${who}, ${when}`,
    scoreChange: (before: number, after: number, cb: string, ca: string) => `Skor ${before} (${cb}) → ${after} (${ca})`,
    found: 'Ditemukan',
    nothingNew: 'Tidak ada faktor baru',
  },
  team: {
    title: 'Tim laskar',
    edit: 'Ubah tim',
    lead: 'Pilih siapa yang menjaga ibu ini. Setiap anggota melihat HPL, rencana persalinan, dan tugasnya sendiri.',
    midwife: 'Bidan',
    villageOfficial: 'Kader / perangkat desa',
    police: 'Polisi (Bhabinkamtibmas)',
    policeBackup: 'Polisi cadangan',
    nobody: '— belum dipilih —',
    save: 'Simpan tim',
    saved: 'Tim laskar tersimpan.',
    empty: 'Belum ada tim. Tim dibentuk otomatis saat ibu dinilai KRT/KRST, atau pilih sekarang.',
  },
  alerts: {
    unread: (n: number) => (n === 0 ? 'semua sudah dibaca' : `${n} belum dibaca`),
    markRead: 'Tandai dibaca',
    markReadFor: (title: string, name: string) => `Tandai dibaca: ${title}, ${name}`,
    markAll: 'Tandai semua dibaca',
    newBadge: 'Baru',
  },
  offline: {
    savedOnPhone: 'Tersimpan di ponsel, akan dikirim saat ada sinyal',
    savedOnPhoneLead: 'Laporan ini belum resmi sampai terkirim ke bidan. Biarkan halaman ini atau buka lagi nanti; pengiriman dicoba otomatis.',
    pending: (n: number) => `${n} laporan menunggu sinyal`,
    pendingList: 'Laporan yang belum terkirim',
    sendNow: 'Kirim sekarang',
    sending: 'Mengirim…',
    sentLater: (n: number) => (n === 1 ? '1 laporan tersimpan sudah terkirim ke bidan.' : `${n} laporan tersimpan sudah terkirim ke bidan.`),
    offlineNow: 'Tidak ada sinyal. Laporan akan disimpan di ponsel.',
    failed: 'Belum terkirim',
    storedAt: (when: string) => `disimpan ${when}`,
    rejected: (why: string) => `Ditolak server: ${why}`,
    discard: 'Hapus dari ponsel',
    unnamed: '(tanpa nama)',
  },
};

export type FieldMessages = typeof id;

const en: FieldMessages = {
  retract: {
    action: 'Retract factor',
    actionFor: (factor) => `Retract factor ${factor}`,
    reason: 'Reason for retracting',
    reasonHint: 'E.g. ticked by mistake, re-examined. Kept in the history and the audit log.',
    next: 'Continue',
    confirm: (factor, before, after) => `Retract “${factor}”? The KSPR score falls from ${before} to ${after}.`,
    confirmYes: 'Yes, retract the factor',
    done: (factor) => `Factor “${factor}” retracted. Score and category recomputed.`,
    reasonRequired: 'Give the reason (at least 3 characters).',
    history: 'KSPR history',
    retractedNote: 'retracted',
    retractedBy: (who, when) => `Retracted by ${who}, ${when}`,
    scoreChange: (before, after, cb, ca) => `Score ${before} (${cb}) → ${after} (${ca})`,
    found: 'Found',
    nothingNew: 'No new factor',
  },
  team: {
    title: 'Laskar team',
    edit: 'Edit team',
    lead: 'Choose who watches over her. Each member sees her due date, the birth plan and their own tasks.',
    midwife: 'Midwife',
    villageOfficial: 'Kader / village official',
    police: 'Police officer (Bhabinkamtibmas)',
    policeBackup: 'Backup police officer',
    nobody: '— not chosen —',
    save: 'Save team',
    saved: 'Laskar team saved.',
    empty: 'No team yet. It forms by itself when she is scored KRT/KRST, or choose it now.',
  },
  alerts: {
    unread: (n) => (n === 0 ? 'all read' : `${n} unread`),
    markRead: 'Mark read',
    markReadFor: (title, name) => `Mark read: ${title}, ${name}`,
    markAll: 'Mark all read',
    newBadge: 'New',
  },
  offline: {
    savedOnPhone: 'Saved on this phone, will be sent when there is signal',
    savedOnPhoneLead: 'This report is not official until it reaches the midwife. Leave this page open or come back later; sending is retried automatically.',
    pending: (n) => (n === 1 ? '1 report waiting for signal' : `${n} reports waiting for signal`),
    pendingList: 'Reports not yet sent',
    sendNow: 'Send now',
    sending: 'Sending…',
    sentLater: (n) => (n === 1 ? '1 saved report has reached the midwife.' : `${n} saved reports have reached the midwife.`),
    offlineNow: 'No signal. The report will be kept on this phone.',
    failed: 'Not sent yet',
    storedAt: (when) => `saved ${when}`,
    rejected: (why) => `Refused by the server: ${why}`,
    discard: 'Remove from this phone',
    unnamed: '(no name)',
  },
};

const MESSAGES = { id, en };

/** The field screens' words in the app's current language. */
export function useF(): FieldMessages {
  return MESSAGES[useLang()];
}
