import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite allows one process per data folder. The lock file holds the owner's PID; a stale file
 * (its process is gone) is taken over, a live one is refused with the owner's PID.
 */
export class DataDirLock {
  private constructor(readonly file: string) {}

  static lockFile(dataDir: string): string {
    return path.join(dataDir, 'leitplanke.pid');
  }

  static ownerPid(dataDir: string): number | undefined {
    try {
      const pid = Number(readFileSync(DataDirLock.lockFile(dataDir), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = DataDirLock.lockFile(dataDir);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = DataDirLock.ownerPid(dataDir);
        if (owner !== undefined && owner !== process.pid) throw new DataDirBusyError(dataDir, owner);
        rmSync(file, { force: true });
      }
    }
    throw new DataDirBusyError(dataDir, undefined);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | undefined,
  ) {
    super(
      `Der Datenordner ${dataDir} wird bereits von einem anderen Leitplanke-Prozess${ownerPid ? ` (PID ${ownerPid})` : ''} verwendet.\n` +
        `The data folder ${dataDir} is in use by another Leitplanke process${ownerPid ? ` (PID ${ownerPid})` : ''}.\n` +
        'Stop that process first, or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
    this.name = 'DataDirBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
