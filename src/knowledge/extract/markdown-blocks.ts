import { tidy, type Block } from './blocks.js';

/** ATX (`# …`) and Setext (`===`/`---` underlined) headings; paragraphs separated by blank lines. */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let fence = false;
  const flush = () => {
    const value = tidy(paragraph.join(' ').replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
    if (value) blocks.push({ kind: 'text', text: value });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) {
      paragraph.push(line);
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      flush();
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: tidy(atx[2]!) });
      continue;
    }
    const next = lines[index + 1];
    if (line.trim() && paragraph.length === 0 && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next)) {
      blocks.push({ kind: 'heading', level: next.trim().startsWith('=') ? 1 : 2, text: tidy(line) });
      index++;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // List items are blocks of their own.
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) flush();
    paragraph.push(line.replace(/^\s*>\s?/, ''));
  }
  flush();
  return blocks;
}

/** Plain text: paragraphs by blank lines; a short numbered line such as "2.1 Mieten" is a heading. */
export function plainTextBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const value = tidy(paragraph);
    if (!value) continue;
    const numbered = /^(\d+(?:\.\d+)*)\.?\s+\S/.exec(value);
    if (numbered && value.length <= 80 && !/[.:;!?]$/.test(value)) {
      blocks.push({ kind: 'heading', level: numbered[1]!.split('.').length, text: value });
    } else blocks.push({ kind: 'text', text: value });
  }
  return blocks;
}
