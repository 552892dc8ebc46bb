import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * First-load JavaScript of the web UI, gzipped (issue 6, target < 250 KB): `npx tsx bench/web-first-load.ts`.
 * Builds the SPA with a Vite manifest into a temporary folder and adds up, per entry route, the chunks
 * a browser must fetch before the page works: the entry and its static imports, plus the lazy page
 * chunk of that route with its static imports. Lazy pages elsewhere are not counted (code-split).
 */

const TARGET_KB = 250;
type Chunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const outDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-web-bench-'));
try {
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length);
    return gzipped.get(file)!;
  };

  /** A chunk and everything it imports statically (what the browser loads with it). */
  function closure(key: string, seen = new Set<string>()): Set<string> {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  }

  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const routes: [string, string | undefined][] = [
    ['login page (/anmelden) and app shell', undefined],
    ['start page (/) after login', 'src/pages/workspace/start-page.tsx'],
    ['chat (/chat)', 'src/pages/workspace/chat-page.tsx'],
    ['model comparison (/modellvergleich)', 'src/pages/workspace/playground-page.tsx'],
  ];
  console.log(`Web UI first load, gzip level 9 (target: JavaScript < ${TARGET_KB} KB)\n`);
  console.log(`${'route'.padEnd(42)} ${'JS KB'.padStart(8)} ${'CSS KB'.padStart(8)} ${'chunks'.padStart(7)}`);
  let worst = 0;
  for (const [label, pageKey] of routes) {
    const keys = closure(entryKey);
    if (pageKey) {
      if (!manifest[pageKey]) throw new Error(`no chunk for ${pageKey} in the manifest`);
      closure(pageKey, keys);
    }
    const chunks = [...keys].map((key) => manifest[key]!);
    const js = chunks.reduce((sum, chunk) => sum + size(chunk.file), 0);
    const css = [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].reduce((sum, file) => sum + size(file), 0);
    worst = Math.max(worst, js);
    console.log(`${label.padEnd(42)} ${(js / 1024).toFixed(1).padStart(8)} ${(css / 1024).toFixed(1).padStart(8)} ${String(chunks.length).padStart(7)}`);
  }
  const lazyTotal = Object.values(manifest).reduce((sum, chunk) => sum + (chunk.file.endsWith('.js') ? size(chunk.file) : 0), 0);
  console.log(`\nall JavaScript chunks together: ${(lazyTotal / 1024).toFixed(1)} KB gzipped (${Object.keys(manifest).length} manifest entries)`);
  console.log(`largest first load: ${(worst / 1024).toFixed(1)} KB — ${worst / 1024 < TARGET_KB ? 'within' : 'OVER'} the ${TARGET_KB} KB target`);
  if (worst / 1024 >= TARGET_KB) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
