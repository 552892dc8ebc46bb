import { unzipSync, strFromU8 } from 'fflate';
import { Parser } from 'htmlparser2';
import { tidy, type Block, type ExtractedDocument } from './blocks.js';

/**
 * OpenDocument text: headings are `text:h` with their outline level, paragraphs `text:p` (also in
 * lists and tables). LibreOffice marks where its layout broke pages with `text:soft-page-break`,
 * which gives page numbers as they were when the file was last saved.
 */
export function odtDocument(bytes: Uint8Array): ExtractedDocument {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' || file.name === 'meta.xml' });
  const content = files['content.xml'];
  if (!content) throw new Error('content.xml missing: not an OpenDocument text');
  const blocks: Block[] = [];
  let page = 1;
  let sawPageBreak = false;
  let depth = 0;
  let heading: number | undefined;
  let buffer = '';
  let skip = 0;
  let inBody = false;
  const flush = () => {
    const value = tidy(buffer);
    buffer = '';
    if (!value) return;
    blocks.push(heading !== undefined ? { kind: 'heading', level: heading, text: value, page } : { kind: 'text', text: value, page });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'office:text') inBody = true;
        if (name === 'office:annotation' || name === 'text:note-citation' || name === 'text:tracked-changes') skip++;
        if (name === 'text:soft-page-break' || (name === 'text:p' && attributes['text:style-name']?.startsWith('PageBreak'))) {
          sawPageBreak = true;
          if (buffer.trim()) flush();
          page++;
        }
        if (name === 'text:h' || name === 'text:p') {
          if (depth === 0) flush();
          depth++;
          if (name === 'text:h') heading = Math.min(6, Number(attributes['text:outline-level'] ?? 1) || 1);
        }
        if (name === 'text:s') buffer += ' '.repeat(Number(attributes['text:c'] ?? 1));
        if (name === 'text:tab' || name === 'text:line-break') buffer += ' ';
      },
      ontext(value) {
        if (inBody && skip === 0 && depth > 0) buffer += value;
      },
      onclosetag(name) {
        if (name === 'office:annotation' || name === 'text:note-citation' || name === 'text:tracked-changes') skip = Math.max(0, skip - 1);
        if (name === 'text:h' || name === 'text:p') {
          depth = Math.max(0, depth - 1);
          if (depth === 0) {
            flush();
            heading = undefined;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(strFromU8(content));
  parser.end();
  const meta = files['meta.xml'] ? /<dc:title>([^<]*)<\/dc:title>/.exec(strFromU8(files['meta.xml']))?.[1] : undefined;
  if (!sawPageBreak) for (const block of blocks) delete block.page;
  return { blocks, title: meta ? tidy(meta) : undefined, ...(sawPageBreak ? { pageCount: page } : {}) };
}
