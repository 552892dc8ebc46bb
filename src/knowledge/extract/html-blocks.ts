import { Parser } from 'htmlparser2';
import { tidy, type Block } from './blocks.js';

const BLOCK_TAGS = new Set(['p', 'li', 'td', 'th', 'pre', 'blockquote', 'dt', 'dd', 'figcaption', 'caption', 'div', 'section', 'article', 'br', 'tr', 'table', 'ul', 'ol']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'head']);

/** Headings (h1–h6) and text blocks of an HTML page; also used for DOCX through mammoth's HTML. */
export function htmlBlocks(html: string): { blocks: Block[]; title?: string | undefined } {
  const blocks: Block[] = [];
  let buffer = '';
  let heading: number | undefined;
  let skipDepth = 0;
  let inTitle = false;
  let title = '';

  function flush(): void {
    const value = tidy(buffer);
    buffer = '';
    if (!value) return;
    if (heading !== undefined) blocks.push({ kind: 'heading', level: heading, text: value });
    else blocks.push({ kind: 'text', text: value });
  }

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipDepth++;
        if (name === 'title') inTitle = true;
        const level = /^h([1-6])$/.exec(name)?.[1];
        if (level) {
          flush();
          heading = Number(level);
        } else if (BLOCK_TAGS.has(name)) flush();
      },
      ontext(value) {
        if (inTitle) title += value;
        else if (skipDepth === 0) buffer += value;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'title') inTitle = false;
        if (/^h[1-6]$/.test(name)) {
          flush();
          heading = undefined;
        } else if (BLOCK_TAGS.has(name)) flush();
        // Cells of a row stay apart from each other.
        if (name === 'td' || name === 'th') buffer += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { blocks, title: tidy(title) || undefined };
}
