import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileAccess } from '../engine/types';

/** Sibling files larger than this are not read (a lockfile only needs to exist). */
const MAX_READ_BYTES = 1 << 20;

/** File look-ups relative to a document's folder, for the engine; never outside what is asked. */
export function siblingFiles(documentPath: string): FileAccess {
  const folder = dirname(documentPath);
  return {
    exists: (relativePath) => existsSync(join(folder, relativePath)),
    read: (relativePath) => {
      const path = join(folder, relativePath);
      try {
        if (statSync(path).size > MAX_READ_BYTES) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
