import type { Lang } from './i18n.ts';

/**
 * Every failure the API reports on purpose is an AppError with a code from this table.
 * The table is the single mapping from code to HTTP status and to the user's message.
 */
export const ERRORS = {
  validation_failed: { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The submitted data is not valid.' },
  bad_request: { status: 400, id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  unauthenticated: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  invalid_credentials: { status: 401, id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  invalid_otp: { status: 401, id: 'Kode sekali pakai salah atau sudah kedaluwarsa.', en: 'The one-time code is wrong or has expired.' },
  account_locked: { status: 423, id: 'Akun dikunci sementara karena terlalu banyak percobaan. Coba lagi nanti.', en: 'The account is locked for a while after too many attempts. Try again later.' },
  csrf_invalid: { status: 403, id: 'Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.', en: 'The form session is not valid. Reload the page and try again.' },
  forbidden: { status: 403, id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  conflict: { status: 409, id: 'Data bertabrakan dengan perubahan lain. Muat ulang lalu coba lagi.', en: 'This conflicts with another change. Reload and try again.' },
  already_exists: { status: 409, id: 'Data ini sudah ada.', en: 'This already exists.' },
  payload_too_large: { status: 413, id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  unsupported_media_type: { status: 415, id: 'Jenis berkas tidak didukung.', en: 'This file type is not supported.' },
  rate_limited: { status: 429, id: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.', en: 'Too many attempts. Wait a moment and try again.' },
  internal: { status: 500, id: 'Terjadi kesalahan pada sistem. Kami sudah mencatatnya.', en: 'Something went wrong on our side. It has been logged.' },
  unavailable: { status: 503, id: 'Layanan sedang tidak tersedia.', en: 'The service is unavailable.' },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type FieldError = { field: string; message: string };
export type LocalText = { id: string; en: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Overrides the table's message when the case has a more specific one. */
    readonly detail?: LocalText,
    readonly fields?: { field: string; message: LocalText }[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail?.en ?? ERRORS[code].en);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

/** RFC 9457 problem document in the caller's language. */
export function toProblem(error: AppError, lang: Lang, instance?: string): Problem {
  const entry = ERRORS[error.code];
  return {
    type: `https://satupintu.id/problems/${error.code.replaceAll('_', '-')}`,
    title: entry[lang],
    status: entry.status,
    detail: error.detail?.[lang] ?? entry[lang],
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.fields ? { errors: error.fields.map((f) => ({ field: f.field, message: f.message[lang] })) } : {}),
    ...error.extra,
  };
}
