/**
 * Where uploaded documents and issued products live: content-addressed, by SHA-256. The key is the
 * hash the server computed, never anything the user sent, so no user-supplied name or path ever
 * reaches the file system or the bucket. Local disk by default; S3-compatible storage when
 * configured (s3.ts). Files are at most UPLOAD_MAX_BYTES (a few MB), so they travel as Buffers.
 */
import { createHash } from 'node:crypto';

export interface FileStore {
  readonly kind: 'local' | 's3';
  /** Stores the bytes under their hash; storing the same content again changes nothing. */
  put(hash: string, bytes: Buffer, mediaType: string): Promise<void>;
  /** The bytes stored under a hash; throws FileMissingError when there are none. */
  get(hash: string): Promise<Buffer>;
  exists(hash: string): Promise<boolean>;
}

export class FileMissingError extends Error {}

const CONTENT_HASH = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws unless `hash` is a lower-case hex SHA-256: the only key a store accepts. */
export function assertContentHash(hash: string): void {
  if (!CONTENT_HASH.test(hash)) throw new Error('not a content hash');
}

/** Throws when the bytes are not what the hash says (a caller bug, or a corrupted read). */
export function assertContent(hash: string, bytes: Buffer): void {
  assertContentHash(hash);
  if (sha256Hex(bytes) !== hash) throw new Error(`content does not match its hash ${hash.slice(0, 12)}…`);
}
