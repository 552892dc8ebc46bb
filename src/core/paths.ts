import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found from this file whether it runs from src/ (tsx) or dist/server/ (built). */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'leitplanke') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json of leitplanke not found above ' + import.meta.url);
    dir = parent;
  }
}

export const packageRoot = findPackageRoot();
export const migrationsDir = path.join(packageRoot, 'drizzle');
export const webDistDir = path.join(packageRoot, 'dist', 'web');
export const packageVersion = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
