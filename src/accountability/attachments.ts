import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sha256Hex } from '../core/crypto.js';
import { ServiceError, type FieldIssue } from '../core/errors.js';
import { acceptedFileTypes, cleanFileName, sniffFileType } from './file-type.js';
import { accountabilityMessages } from './messages.js';

export const MAX_ATTACHMENTS = 5;

export const attachmentInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded. */
  contentBase64: z.string().min(1),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

export type PreparedFile = { fileName: string; mediaType: string; bytes: Buffer; sha256: string };
export type StoredFile = Omit<PreparedFile, 'bytes'> & { sizeBytes: number; storagePath: string };

/**
 * Attachments of complaints and incident reports. Size and type (by content) are checked before
 * anything is written; the bytes go to `<data_dir>/accountability/attachments`, outside the web
 * root, under random names without extension, readable by the server's user only.
 */
export function createAttachmentStore(dataDir: string, maxBytes: number) {
  const root = path.join(dataDir, 'accountability', 'attachments');

  function prepare(files: AttachmentInput[], fieldPrefix: string): PreparedFile[] {
    if (files.length > MAX_ATTACHMENTS) {
      throw new ServiceError('VALIDATION', accountabilityMessages.tooManyAttachments(MAX_ATTACHMENTS), { reason: 'too_many_attachments' });
    }
    const issues: FieldIssue[] = [];
    const prepared: PreparedFile[] = [];
    files.forEach((file, index) => {
      const field = `${fieldPrefix}.${index}`;
      // Reject by the encoded length first, so an oversized upload is never decoded.
      const bytes = Math.floor((file.contentBase64.length * 3) / 4) > maxBytes + 2 ? undefined : Buffer.from(file.contentBase64, 'base64');
      if (!bytes || bytes.length > maxBytes) {
        issues.push({ path: field, message: accountabilityMessages.attachmentTooLarge(file.fileName, maxBytes) });
        return;
      }
      const type = sniffFileType(bytes);
      if (!type) {
        issues.push({ path: field, message: accountabilityMessages.attachmentType(file.fileName, acceptedFileTypes.join(', ')) });
        return;
      }
      prepared.push({ fileName: cleanFileName(file.fileName, type.extension), mediaType: type.mediaType, bytes, sha256: sha256Hex(bytes) });
    });
    if (issues.length > 0) {
      throw new ServiceError('VALIDATION', issues[0]!.message, { reason: 'attachment_rejected', fields: issues });
    }
    return prepared;
  }

  async function write(files: PreparedFile[], now: Date): Promise<StoredFile[]> {
    const stored: StoredFile[] = [];
    for (const file of files) {
      const relative = path.join(String(now.getUTCFullYear()), randomUUID());
      await mkdir(path.join(root, path.dirname(relative)), { recursive: true, mode: 0o700 });
      await writeFile(path.join(root, relative), file.bytes, { mode: 0o600, flag: 'wx' });
      stored.push({ fileName: file.fileName, mediaType: file.mediaType, sha256: file.sha256, sizeBytes: file.bytes.length, storagePath: relative });
    }
    return stored;
  }

  function resolve(storagePath: string): string {
    const full = path.resolve(root, storagePath);
    if (!full.startsWith(root + path.sep)) throw new Error('attachment path outside the attachment folder');
    return full;
  }

  return {
    root,
    prepare,
    write,
    async read(storagePath: string): Promise<Buffer> {
      return readFile(resolve(storagePath));
    },
    /** Removes files of a write whose transaction failed. */
    async remove(files: StoredFile[]): Promise<void> {
      await Promise.all(files.map((file) => rm(resolve(file.storagePath), { force: true })));
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
