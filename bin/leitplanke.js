#!/usr/bin/env node
// The compiled CLI; `npm install` builds it (prepare script).
import { existsSync } from 'node:fs';
const entry = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('Leitplanke ist nicht gebaut. Bitte `npm install` (oder `npm run build`) ausführen.\n' +
    'Leitplanke is not built. Run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
await import(entry.href);
