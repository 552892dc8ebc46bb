import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { tidy, type Block, type ExtractedDocument } from './blocks.js';

type Line = { text: string; y: number; size: number };

/**
 * Text of each page, grouped into lines by their baseline and into paragraphs by the gaps between
 * them. A line set larger than the body text is a heading; its level follows the size ranking.
 */
export async function pdfDocument(bytes: Uint8Array): Promise<ExtractedDocument> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { totalPages, items } = await extractTextItems(pdf);
    const pages: Line[][] = items.map((pageItems) => {
      const lines: Line[] = [];
      for (const item of pageItems) {
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.y - item.y) < Math.max(2, item.fontSize * 0.3)) {
          last.text += (last.text.endsWith(' ') || item.str.startsWith(' ') ? '' : item.str ? ' ' : '') + item.str;
          last.size = Math.max(last.size, item.fontSize);
        } else if (item.str.trim()) lines.push({ text: item.str, y: item.y, size: item.fontSize });
      }
      return lines.map((line) => ({ ...line, text: tidy(line.text) })).filter((line) => line.text);
    });
    const bodySize = mostCommonSize(pages.flat());
    const headingSizes = [...new Set(pages.flat().filter((line) => line.size > bodySize * 1.15).map((line) => Math.round(line.size)))].sort((a, b) => b - a);
    const blocks: Block[] = [];
    pages.forEach((lines, pageIndex) => {
      const page = pageIndex + 1;
      let paragraph: string[] = [];
      let previous: Line | undefined;
      const flush = () => {
        const value = joinLines(paragraph);
        if (value) blocks.push({ kind: 'text', text: value, page });
        paragraph = [];
      };
      for (const line of lines) {
        if (line.size > bodySize * 1.15 && line.text.length <= 200) {
          flush();
          const level = Math.min(6, headingSizes.indexOf(Math.round(line.size)) + 1);
          const before = blocks[blocks.length - 1];
          // A heading wrapped over two lines arrives as two lines of the same size.
          if (before?.kind === 'heading' && before.page === page && previous && previous.size === line.size) before.text = `${before.text} ${line.text}`;
          else blocks.push({ kind: 'heading', level, text: line.text, page });
        } else {
          const gap = previous ? previous.y - line.y : 0;
          if (previous && (gap > line.size * 1.8 || previous.size > bodySize * 1.15)) flush();
          paragraph.push(line.text);
        }
        previous = line;
      }
      flush();
    });
    const meta = await getMeta(pdf).catch(() => undefined);
    const title = typeof meta?.info?.Title === 'string' && meta.info.Title.trim() ? tidy(meta.info.Title) : undefined;
    return { blocks, pageCount: totalPages, title };
  } finally {
    await pdf.destroy();
  }
}

function mostCommonSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(Math.round(line.size), (weight.get(Math.round(line.size)) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) if (count > bestWeight) [best, bestWeight] = [size, count];
  return best || 12;
}

/** Joins wrapped lines; a word hyphenated at the line end ("Bürger-" + "innen") is joined back. */
function joinLines(lines: string[]): string {
  let result = '';
  for (const line of lines) {
    if (/[a-zäöüß]-$/.test(result) && /^[a-zäöüß]/.test(line)) result = result.slice(0, -1) + line;
    else result = result ? `${result} ${line}` : line;
  }
  return tidy(result);
}
