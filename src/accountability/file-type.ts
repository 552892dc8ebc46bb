/**
 * What a file is, judged by its first bytes (magic numbers), never by its name or the type the
 * browser claims. Only the formats a complaint or incident report needs are accepted.
 */
export type SniffedType = { mediaType: string; extension: string };

const ascii = (value: string) => Buffer.from(value, 'latin1');

function startsWith(bytes: Buffer, prefix: Buffer, offset = 0): boolean {
  return bytes.length >= offset + prefix.length && bytes.subarray(offset, offset + prefix.length).equals(prefix);
}

const ODT_MIMETYPE = ascii('mimetypeapplication/vnd.oasis.opendocument.text');

export function sniffFileType(bytes: Buffer): SniffedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(bytes, Buffer.from([0xff, 0xd8, 0xff]))) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { mediaType: 'image/gif', extension: 'gif' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { mediaType: 'image/webp', extension: 'webp' };
  // An OpenDocument text is a ZIP whose first, uncompressed entry is `mimetype` (ODF 1.2, part 3, 3.3).
  if (startsWith(bytes, Buffer.from([0x50, 0x4b, 0x03, 0x04])) && startsWith(bytes, ODT_MIMETYPE, 30)) {
    return { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
  }
  if (isPlainText(bytes)) return { mediaType: 'text/plain; charset=utf-8', extension: 'txt' };
  return undefined;
}

/** Valid UTF-8 without NUL or other control characters except tab and line breaks. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoded);
}

export const acceptedFileTypes = ['PDF', 'PNG', 'JPEG', 'GIF', 'WebP', 'ODT', 'TXT'];

/** A file name safe to show and to put in a Content-Disposition header: no paths, no control characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'anhang';
  return `${stem}.${extension}`;
}
