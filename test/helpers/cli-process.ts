import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { newestMtime } from './newest-mtime.js';

const run = promisify(execFile);

/** Decided once per test file: walking the source tree for every CLI start would be wasted I/O. */
let chosen: string[] | undefined;
function cliArgs(): string[] {
  chosen ??= pickCli();
  return chosen;
}

/**
 * How to start the `leitplanke` CLI as its own process: the built one (`bin/leitplanke.js`, what users
 * run; `npm install` builds it, so CI always has it) unless the sources changed since the last build —
 * then through tsx, which compiles the sources at every start and is several times slower.
 */
function pickCli(): string[] {
  const built = path.resolve('dist/server/cli/main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.resolve('src'))) return [path.resolve('bin/leitplanke.js')];
  return ['--import', 'tsx', path.resolve('src/cli/main.ts')];
}

export type CliResult = { code: number; stdout: string; stderr: string; ms: number };

/** Runs the CLI with `args`; never throws for a non-zero exit, which is part of what the tests check. */
export async function runCli(args: string[], env: Record<string, string | undefined>, options: { timeoutMs?: number } = {}): Promise<CliResult> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [...cliArgs(), ...args], {
      env: { ...process.env, ...env },
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, ms: Date.now() - started };
  }
}
