import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Originals and labelled copies on disk, under the media folder (by default `<data_dir>/media`, outside
 * the web root): `<org>/<image>/original.<ext>` is never changed after it is written.
 */
export function createImageStore(root: string) {
  const folder = (key: string) => {
    const resolved = path.resolve(root, key);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key outside the media folder: ${key}`);
    return resolved;
  };
  return {
    root,
    keyFor: (orgId: string, imageId: string) => `${orgId}/${imageId}`,
    async prepare(key: string): Promise<string> {
      const dir = folder(key);
      await mkdir(dir, { recursive: true, mode: 0o750 });
      return dir;
    },
    fileOf: (key: string, variant: 'original' | 'labelled', extension: string) => path.join(folder(key), `${variant}.${extension}`),
    async write(key: string, variant: 'original' | 'labelled', extension: string, bytes: Buffer): Promise<string> {
      const file = path.join(await this.prepare(key), `${variant}.${extension}`);
      await writeFile(file, bytes, { mode: 0o640, flag: variant === 'original' ? 'wx' : 'w' });
      return file;
    },
    read: (key: string, variant: 'original' | 'labelled', extension: string) => readFile(path.join(folder(key), `${variant}.${extension}`)),
    remove: (key: string) => rm(folder(key), { recursive: true, force: true }),
  };
}

export type ImageStore = ReturnType<typeof createImageStore>;
