import mammoth from 'mammoth';
import { titleOf, type DocumentFormat, type ExtractedDocument } from './blocks.js';
import { htmlBlocks } from './html-blocks.js';
import { markdownBlocks, plainTextBlocks } from './markdown-blocks.js';
import { odtDocument } from './odt-blocks.js';
import { pdfDocument } from './pdf-blocks.js';

const byExtension: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  odt: 'odt',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'txt',
  text: 'txt',
};

/** The format from the file's first bytes where they tell (PDF, ZIP containers), else from its name. */
export function detectFormat(filename: string, bytes: Uint8Array): DocumentFormat | undefined {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return 'pdf';
  if (head.startsWith('PK')) {
    const prefix = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    if (prefix.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    if (extension === 'docx' || extension === 'odt') return extension;
    return undefined;
  }
  const format = byExtension[extension];
  return format === 'pdf' || format === 'docx' || format === 'odt' ? undefined : format;
}

/** Text of a document as headings and paragraphs, with page numbers where the format has pages. */
export async function extractDocument(format: DocumentFormat, bytes: Uint8Array): Promise<ExtractedDocument> {
  switch (format) {
    case 'pdf':
      return withTitle(await pdfDocument(bytes));
    case 'docx': {
      const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      return withTitle(htmlBlocks(value));
    }
    case 'odt':
      return withTitle(odtDocument(bytes));
    case 'html':
      return withTitle(htmlBlocks(decode(bytes)));
    case 'markdown':
      return withTitle({ blocks: markdownBlocks(decode(bytes)) });
    case 'txt':
      return withTitle({ blocks: plainTextBlocks(decode(bytes)) });
  }
}

function withTitle(document: ExtractedDocument): ExtractedDocument {
  return { ...document, title: document.title || titleOf(document.blocks) };
}

/** UTF-8 unless the bytes are not valid UTF-8 (older Windows exports): then Windows-1252. */
export function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
