/**
 * What a file is, decided by its content (magic bytes), never by its name or the Content-Type the
 * browser sent. Only the formats a service desk can open and print everywhere are accepted.
 */
import { fileTypeFromBuffer } from 'file-type';

export const ACCEPTED_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;
export type AcceptedMediaType = keyof typeof ACCEPTED_TYPES;

export type Detected = { accepted: true; mediaType: AcceptedMediaType; extension: string } | { accepted: false; found: string | null };

export async function detectDocumentType(bytes: Buffer): Promise<Detected> {
  const type = await fileTypeFromBuffer(bytes);
  if (type && type.mime in ACCEPTED_TYPES) {
    const mediaType = type.mime as AcceptedMediaType;
    return { accepted: true, mediaType, extension: ACCEPTED_TYPES[mediaType] };
  }
  return { accepted: false, found: type?.mime ?? null };
}
