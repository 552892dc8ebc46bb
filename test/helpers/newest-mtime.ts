import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file below `dir`: is a build older than its sources? */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
