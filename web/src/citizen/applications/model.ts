/**
 * Applications in the browser: the API's shapes, writes that the shared client does not cover
 * (Idempotency-Key, uploads with progress), and small formatting helpers. Citizen pages and the
 * agency back office both use it.
 */
import { api, ApiError, setCsrfToken, type FieldError } from '../../api.ts';
import { currentLang, type Lang } from '../../i18n/index.ts';

export type LocalText = { id: string; en: string };
export type Party = 'applicant' | 'handler' | 'counter' | 'desk' | 'system';
export type ActionKind = 'submit' | 'advance' | 'return' | 'resubmit' | 'reject' | 'withdraw' | 'deliver';

export type DocumentView = { id: string; documentCode: string; mediaType: string; size: number; originalName: string | null; uploadedAt: string; url: string };

export type Requirement = { position: number; documentCode: string; name: LocalText; optional: boolean; note: LocalText | null; document: DocumentView | null };

export type TimelineEvent = {
  seq: number;
  at: string;
  action: string;
  from: string;
  to: string;
  fromLabel: LocalText;
  toLabel: LocalText;
  actor: { kind: string; role: string; name: string | null; place: string | null };
  note: string | null;
};

export type Sla = {
  state: 'not_started' | 'running' | 'paused' | 'stopped';
  workingDays: number;
  dueDate: string | null;
  remainingWorkingDays: number | null;
  pausedWorkingDays: number;
  elapsedWorkingDays: number;
  late: boolean;
  workingDaysLate: number;
};

export type Application = {
  id: string;
  number: string;
  status: string;
  statusLabel: LocalText;
  returnedFrom: string | null;
  service: { code: string; name: LocalText; agency: { code: string; shortName: string; name: LocalText } };
  standardVersion: number;
  currentStandardVersion: number;
  product: {
    name: LocalText;
    uploaded: boolean;
    signed: boolean;
    signedAt: string | null;
    signer: { name: string | null; position: string | null; delegation: string | null; principal: string | null } | null;
    hash: string | null;
    verificationUrl: string | null;
    revoked: boolean;
    downloadUrl: string | null;
    sheetUrl: string | null;
  };
  workflow: { code: string; name: LocalText; steps: { code: string; label: LocalText; kind: string; actors: Party[] }[]; deliveries: string[] };
  channel: 'online' | 'counter' | 'village';
  filedAt: string | null;
  applicant: { nik: string; nikMasked: string; name: string; phone: string | null; email: string | null; locale: string };
  note: string | null;
  delivery: string | null;
  requirements: Requirement[];
  missingDocuments: string[];
  history: DocumentView[];
  sla: Sla;
  timeline: TimelineEvent[];
  claimedBy: { name: string | null; at: string; mine: boolean } | null;
  waitingFor: Party[];
  parties: Party[];
  availableActions: ActionKind[];
  canEdit: boolean;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
  links: { self: string; receipt: string | null; track: string };
};

export type ListItem = {
  number: string;
  status: string;
  statusLabel: LocalText;
  service: { code: string; name: LocalText; agencyShortName: string };
  applicantName: string;
  applicantNikMasked: string;
  channel: string;
  submittedAt: string | null;
  updatedAt: string;
  dueDate: string | null;
  slaState: string;
  late: boolean;
  claimedBy: string | null;
  waitingFor: Party[];
};

export type PublicTracking = {
  number: string;
  service: { code: string; name: LocalText; agency: string };
  status: string;
  statusLabel: LocalText;
  submittedAt: string | null;
  sla: { state: string; dueDate: string | null; late: boolean };
  steps: { code: string; label: LocalText; done: boolean; current: boolean }[];
  timeline: { at: string; action: string; to: string; label: LocalText; by: string | null }[];
  productReady: boolean;
};

export type ProductCheck = {
  status: 'signed' | 'revoked';
  document: LocalText;
  service: LocalText;
  agency: LocalText;
  number: string;
  signedAt: string;
  signer: { name: string | null; position: string | null; delegation: 'an' | 'ub' | null; principal: string | null };
  sha256: string;
  mediaType: string;
  revokedAt: string | null;
  revokedReason: string | null;
  checks: number;
};

export const FINISHED = new Set(['selesai', 'diambil', 'dikirim', 'diunduh']);

/** Badge tone for a status. */
export function statusTone(status: string, late = false): 'ok' | 'off' | 'danger' | 'soon' {
  if (status === 'ditolak' || late) return 'danger';
  if (status === 'perlu_perbaikan') return 'soon';
  if (FINISHED.has(status)) return 'ok';
  return 'off';
}

/** "Kamis, 3 Desember 2026" for a WIB calendar day 'YYYY-MM-DD'. */
export function formatDay(day: string | null, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatSize(bytes: number, lang: Lang): string {
  const kb = bytes / 1024;
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return kb < 1024 ? `${n.format(Math.max(1, Math.round(kb)))} KB` : `${n.format(kb / 1024)} MB`;
}

export function fileKind(mediaType: string): string {
  return mediaType === 'application/pdf' ? 'PDF' : mediaType === 'image/png' ? 'PNG' : mediaType === 'image/jpeg' ? 'JPG' : mediaType;
}

// — writes the shared client does not cover —

async function freshCsrf(): Promise<string | null> {
  const session = await api.get<{ csrfToken: string | null }>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session.csrfToken;
}

function problemOf(status: number, text: string): ApiError {
  try {
    const p = JSON.parse(text) as { code?: string; title?: string; detail?: string; errors?: FieldError[] };
    return new ApiError(status, p.code ?? `http_${status}`, p.title ?? '', p.detail ?? p.title ?? '', p.errors ?? []);
  } catch {
    return new ApiError(status, `http_${status}`, '', text.slice(0, 200));
  }
}

/** A JSON write with extra headers (Idempotency-Key). */
export async function postWithKey<T>(path: string, body: unknown, key: string): Promise<T> {
  const csrf = await freshCsrf();
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': currentLang(), 'idempotency-key': key, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '', '');
  }
  const text = await res.text();
  if (!res.ok) throw problemOf(res.status, text);
  return JSON.parse(text) as T;
}

/** Uploads one file with progress (0–1). Resolves with the server's answer. */
export async function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const csrf = await freshCsrf();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLang());
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as T);
      } else reject(problemOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '', ''));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A key for one intended submission, kept for the tab's life so a retry reuses it. */
export function idempotencyKey(scope: string): string {
  const name = `satupintu.idem.${scope}`;
  try {
    const existing = sessionStorage.getItem(name);
    if (existing) return existing;
    const key = crypto.randomUUID();
    sessionStorage.setItem(name, key);
    return key;
  } catch {
    return crypto.randomUUID();
  }
}

export function forgetKey(scope: string): void {
  try {
    sessionStorage.removeItem(`satupintu.idem.${scope}`);
  } catch {
    /* nothing to forget */
  }
}

/** SHA-256 of a file, in the browser (for checking a held document against its check page). */
export async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
