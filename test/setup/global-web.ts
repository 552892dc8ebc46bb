import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { newestMtime } from '../helpers/newest-mtime.js';

/** Browser tests run against the built SPA; rebuild it when the sources are newer than the build. */
export default function setup() {
  const built = path.resolve('dist/web/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.resolve('web/src'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
