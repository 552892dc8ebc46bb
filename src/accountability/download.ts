import type { FastifyReply } from 'fastify';

/**
 * Sends a stored attachment as a download: its sniffed type, never rendered inline, sandboxed if a
 * browser tries anyway, and not cached.
 */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; mediaType: string; bytes: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
