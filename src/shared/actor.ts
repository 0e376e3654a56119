import type { PlaceKind, Role } from '../identity/schema.ts';

export type ActorPlace = { id: string; kind: PlaceKind; code: string; name: string; regionCode: string | null };

/** Who is making a request: a signed-in person, an agency system with an API token, or nobody. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      role: Role;
      displayName: string;
      nik: string | null;
      locale: 'id' | 'en';
      places: ActorPlace[];
      sessionTokenHash: string;
    }
  | { kind: 'agency_system'; tokenId: string; place: ActorPlace }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function actorId(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'agency_system') return actor.tokenId;
  return null;
}

export function actorRole(actor: Actor): string {
  return actor.kind === 'user' ? actor.role : actor.kind;
}

export function placeIdsOf(actor: Actor, kind?: PlaceKind): string[] {
  if (actor.kind === 'user') return actor.places.filter((p) => !kind || p.kind === kind).map((p) => p.id);
  if (actor.kind === 'agency_system') return !kind || actor.place.kind === kind ? [actor.place.id] : [];
  return [];
}
