import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertContent, assertContentHash, FileMissingError, type FileStore } from './store.ts';

/**
 * Files on local disk under UPLOAD_DIR, fanned out by the first bytes of the hash
 * (`ab/cd/abcd…`). A write goes to a temporary file first and is renamed into place, so a reader
 * never sees half a file and two writers of the same content cannot corrupt it.
 */
export function localDiskStore(root: string): FileStore {
  const base = path.resolve(root);
  const pathOf = (hash: string) => {
    assertContentHash(hash);
    return path.join(base, hash.slice(0, 2), hash.slice(2, 4), hash);
  };
  return {
    kind: 'local',
    async put(hash, bytes) {
      assertContent(hash, bytes);
      const target = pathOf(hash);
      try {
        await fs.access(target);
        return;
      } catch {
        // not there yet
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temp, bytes, { mode: 0o640 });
      await fs.rename(temp, target);
    },
    async get(hash) {
      try {
        const bytes = await fs.readFile(pathOf(hash));
        assertContent(hash, bytes);
        return bytes;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileMissingError(`no file ${hash.slice(0, 12)}…`);
        throw error;
      }
    },
    async exists(hash) {
      try {
        await fs.access(pathOf(hash));
        return true;
      } catch {
        return false;
      }
    },
  };
}
