/**
 * The words of the applications admin (/admin/webhook, /admin/pengawas-sla), Bahasa Indonesia
 * first, English typed against it: a missing key fails tsc.
 */
import type { Lang } from '../../i18n/index.ts';
import { useLang } from '../../i18n/use-lang.ts';

const id = {
  back: 'Administrasi',
  home: {
    webhook: { title: 'Webhook instansi', body: 'Alamat sistem instansi yang menerima peristiwa permohonan, kunci rahasia, dan log pengiriman.' },
    supervisor: { title: 'Pengawas SLA instansi', body: 'Siapa yang diberi tahu bila permohonan suatu instansi melewati janji selesai.' },
    compliance: { title: 'Kepatuhan SLA', body: 'Permohonan selesai tepat waktu dan terlambat, per instansi, layanan, dan bulan.' },
  },
  agency: {
    label: 'Instansi',
    hint: 'Pilih instansi yang diatur.',
    choose: '— pilih instansi —',
    loading: 'Memuat instansi…',
  },
  common: {
    save: 'Simpan',
    saving: 'Menyimpan…',
    saved: 'Tersimpan.',
    fixErrors: 'Periksa isian yang ditandai.',
    copy: 'Salin',
    copied: 'Tersalin.',
    close: 'Tutup',
    refresh: 'Muat ulang',
    lang: { id: 'Bahasa Indonesia', en: 'English' } as Record<string, string>,
  },
  webhook: {
    title: 'Webhook instansi',
    lead: 'Sistem milik instansi menerima setiap perubahan permohonan yang ditanganinya, ditandatangani HMAC-SHA256. Setiap perubahan di sini tercatat di log audit.',
    settings: 'Langganan',
    url: 'Alamat webhook (URL)',
    urlHint: 'Alamat https:// di sistem instansi yang menerima POST JSON.',
    active: 'Aktif: kirim peristiwa ke alamat ini',
    activeOff: 'Nonaktif: peristiwa tidak dikirim (yang tertunda gagal dan dapat dikirim ulang nanti).',
    events: 'Peristiwa yang dikirim',
    eventNames: {
      'application.submitted': 'permohonan diajukan',
      'application.resubmitted': 'permohonan diajukan ulang setelah perbaikan',
      'application.status_changed': 'status permohonan berubah',
      'application.late': 'permohonan melewati janji selesai',
    } as Record<string, string>,
    pingAlways: 'Ping uji selalu dikirim.',
    secret: 'Kunci rahasia',
    secretHint: 'Hanya awalannya yang ditampilkan: {{hint}}',
    noSecret: 'Belum ada. Kunci dibuat saat webhook pertama kali disimpan.',
    rotate: 'Ganti kunci rahasia',
    rotateConfirm: 'Ganti kunci rahasia webhook {{agency}}? Kunci lama langsung tidak berlaku; sistem instansi harus memakai kunci baru.',
    ping: 'Kirim ping uji',
    pingSent: 'Ping dimasukkan ke antrean pengiriman. Lihat hasilnya di log pengiriman.',
    savedOff: 'Tersimpan. Webhook nonaktif.',
    newSecretTitle: 'Kunci rahasia baru — hanya ditampilkan sekali',
    newSecretBody: 'Salin kunci ini sekarang dan serahkan ke pengelola sistem {{agency}} melalui saluran aman. Kunci ini tidak akan ditampilkan lagi; bila hilang, ganti kunci.',
    newSecretLabel: 'Kunci rahasia baru',
    log: 'Log pengiriman',
    logLead: 'Peristiwa terbaru dengan setiap percobaannya. Pengiriman yang gagal dicoba lagi otomatis dengan jeda yang makin panjang (hingga 10 kali).',
    logCaption: 'Log pengiriman webhook',
    logEmpty: 'Belum ada pengiriman.',
    cols: { event: 'Peristiwa', created: 'Dibuat', status: 'Status', last: 'Jawaban terakhir', next: 'Coba lagi', actions: 'Tindakan' },
    attemptsCount: '{{n}} kali dicoba',
    attemptsOne: '1 kali dicoba',
    statuses: { pending: 'menunggu', delivered: 'terkirim', failed: 'gagal' } as Record<string, string>,
    application: 'Permohonan {{number}}',
    redeliver: 'Kirim ulang',
    redeliverLabel: 'Kirim ulang {{event}} ({{when}})',
    redelivered: 'Pengiriman dimasukkan lagi ke antrean dan dikirim segera.',
    noAnswer: 'tanpa jawaban',
  },
  supervisor: {
    title: 'Pengawas SLA instansi',
    lead: 'Bila permohonan melewati janji selesai, sistem mengirim peringatan sekali ke pengawas instansi. Tanpa pengawas, peringatan dikirim ke petugas instansi.',
    form: 'Kontak pengawas',
    name: 'Nama dan jabatan',
    nameHint: 'Misalnya: Ir. Bambang Sutrisno, Kepala Bidang Pelayanan.',
    phone: 'Nomor HP / WhatsApp',
    phoneHint: 'Nomor seluler Indonesia, misalnya 0812 3456 7890.',
    email: 'E-mail',
    emailHint: 'Misalnya kabid@banyuwangikab.go.id.',
    locale: 'Bahasa peringatan',
    reach: 'Isi nomor HP/WhatsApp, e-mail, atau keduanya.',
    clear: 'Hapus pengawas',
    clearConfirm: 'Hapus pengawas SLA {{agency}}? Peringatan keterlambatan akan dikirim ke petugas instansi.',
    cleared: 'Pengawas dihapus. Peringatan dikirim ke petugas instansi.',
    current: 'Saat ini',
    none: 'Belum ada pengawas: peringatan dikirim ke petugas instansi.',
  },
};

export type ApplicationsAdminMessages = typeof id;

const en: ApplicationsAdminMessages = {
  back: 'Administration',
  home: {
    webhook: { title: 'Agency webhooks', body: 'Where each agency’s own system receives application events, its secret, and the delivery log.' },
    supervisor: { title: 'Agency SLA supervisors', body: 'Who is told when an agency’s application is past its promised date.' },
    compliance: { title: 'SLA compliance', body: 'Applications finished on time and late, by agency, service and month.' },
  },
  agency: {
    label: 'Agency',
    hint: 'Choose the agency to configure.',
    choose: '— choose an agency —',
    loading: 'Loading agencies…',
  },
  common: {
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    fixErrors: 'Check the marked fields.',
    copy: 'Copy',
    copied: 'Copied.',
    close: 'Close',
    refresh: 'Reload',
    lang: { id: 'Bahasa Indonesia', en: 'English' },
  },
  webhook: {
    title: 'Agency webhooks',
    lead: 'An agency’s own system receives every change of the applications it handles, signed with HMAC-SHA256. Every change here is recorded in the audit log.',
    settings: 'Subscription',
    url: 'Webhook address (URL)',
    urlHint: 'An https:// address on the agency’s system that accepts a JSON POST.',
    active: 'On: send events to this address',
    activeOff: 'Off: events are not sent (waiting ones fail and can be redelivered later).',
    events: 'Events sent',
    eventNames: {
      'application.submitted': 'application submitted',
      'application.resubmitted': 'application resubmitted after correction',
      'application.status_changed': 'application status changed',
      'application.late': 'application past its promised date',
    },
    pingAlways: 'A test ping is always sent.',
    secret: 'Secret',
    secretHint: 'Only its beginning is shown: {{hint}}',
    noSecret: 'None yet. The secret is made when the webhook is first saved.',
    rotate: 'Rotate secret',
    rotateConfirm: 'Rotate the webhook secret of {{agency}}? The old secret stops working at once; the agency’s system must use the new one.',
    ping: 'Send test ping',
    pingSent: 'Ping queued for delivery. See its outcome in the delivery log.',
    savedOff: 'Saved. The webhook is off.',
    newSecretTitle: 'New secret — shown only once',
    newSecretBody: 'Copy this secret now and hand it to the administrator of {{agency}}’s system over a secure channel. It will not be shown again; if it is lost, rotate it.',
    newSecretLabel: 'New secret',
    log: 'Delivery log',
    logLead: 'Recent events with each attempt. Failed deliveries are retried automatically with growing pauses (up to 10 times).',
    logCaption: 'Webhook delivery log',
    logEmpty: 'No deliveries yet.',
    cols: { event: 'Event', created: 'Created', status: 'Status', last: 'Last answer', next: 'Next retry', actions: 'Actions' },
    attemptsCount: '{{n}} attempts',
    attemptsOne: '1 attempt',
    statuses: { pending: 'waiting', delivered: 'delivered', failed: 'failed' },
    application: 'Application {{number}}',
    redeliver: 'Redeliver',
    redeliverLabel: 'Redeliver {{event}} ({{when}})',
    redelivered: 'The delivery is queued again and will be sent right away.',
    noAnswer: 'no answer',
  },
  supervisor: {
    title: 'Agency SLA supervisors',
    lead: 'When an application is past its promised date, the system alerts the agency’s supervisor once. Without a supervisor, the agency’s staff are alerted.',
    form: 'Supervisor contact',
    name: 'Name and position',
    nameHint: 'E.g. Ir. Bambang Sutrisno, Head of Services.',
    phone: 'Mobile / WhatsApp number',
    phoneHint: 'An Indonesian mobile number, e.g. 0812 3456 7890.',
    email: 'E-mail',
    emailHint: 'E.g. kabid@banyuwangikab.go.id.',
    locale: 'Language of the alerts',
    reach: 'Give a mobile/WhatsApp number, an e-mail, or both.',
    clear: 'Remove supervisor',
    clearConfirm: 'Remove the SLA supervisor of {{agency}}? Late alerts will go to the agency’s staff.',
    cleared: 'Supervisor removed. Alerts go to the agency’s staff.',
    current: 'Now',
    none: 'No supervisor: alerts go to the agency’s staff.',
  },
};

const ALL: Record<Lang, ApplicationsAdminMessages> = { id, en };

/** Fills {{name}} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

export function useAA(): { m: ApplicationsAdminMessages; lang: Lang } {
  const lang = useLang();
  return { m: ALL[lang], lang };
}
