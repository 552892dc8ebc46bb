import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * The key that encrypts secrets at rest: LEITPLANKE_SECRET_KEY, or a key file created in the data
 * folder on first start (mode 0600). Several instances must share LEITPLANKE_SECRET_KEY.
 */
export function resolveSecretKey(config: Config): { key: Buffer; source: 'config' | 'file' } {
  if (config.secret_key) return { key: Buffer.from(config.secret_key, 'base64'), source: 'config' };
  const file = path.join(config.data_dir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.data_dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: 'file' };
}
