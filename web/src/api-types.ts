/** The API's shapes as the web app sees them (dates arrive as ISO strings). See /api/openapi.json. */

export const ROLES = [
  'citizen',
  'counter_officer',
  'agency_processor',
  'village_operator',
  'midwife',
  'village_official',
  'police_officer',
  'mpp_admin',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, 'citizen'>;

export const PLACE_KINDS = ['agency', 'service_point', 'village', 'puskesmas', 'police_post'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export type Place = { id: string; kind: PlaceKind; code: string; name: string; regionCode: string | null };

export type SessionUser = { id: string; role: Role; displayName: string; locale: 'id' | 'en'; places: Place[] };
export type SessionBody = { user: SessionUser | null; csrfToken: string | null };

export type RequestCodeResponse = { sent: true; maskedPhone: string; message: string };

export type StaffAccount = { id: string; username: string; displayName: string; role: Role; active: boolean; places: Place[] };

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  placeId: string;
  placeName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type OutboxMessage = {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  body: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
};

export type AuditRow = {
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  subjectNik: string | null;
  ip: string | null;
};
export type DataAccessRow = Omit<AuditRow, 'ip' | 'actorId'>;
export type AuditVerifyResult = { rows: number; intact: boolean; brokenAt: number | null; problem: string | null };

export type Items<T> = { items: T[] };
