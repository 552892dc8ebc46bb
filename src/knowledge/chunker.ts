import type { Block } from './extract/blocks.js';

export type Chunk = {
  ordinal: number;
  /** Heading path, e.g. "2 Wohnen › 2.1 Mieten"; null before the first heading. */
  section: string | null;
  pageStart: number | null;
  pageEnd: number | null;
  text: string;
};

export type ChunkOptions = {
  /** Upper bound per chunk; about 250 tokens, so several fit a small open model's context. */
  maxChars?: number;
  /** A chunk shorter than this is merged with the next text under the same heading. */
  minChars?: number;
};

const SECTION_SEPARATOR = ' › ';

/**
 * Splits a document into passages that never cross a heading: each carries its heading path and the
 * pages it spans. Paragraphs longer than `maxChars` are cut at sentence ends (or words, if a
 * sentence alone is too long).
 */
export function chunkBlocks(blocks: Block[], options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 1000;
  const minChars = options.minChars ?? 200;
  const chunks: Chunk[] = [];
  const headings: string[] = [];
  let parts: string[] = [];
  let length = 0;
  let pageStart: number | null = null;
  let pageEnd: number | null = null;

  const section = () => (headings.length ? headings.filter(Boolean).join(SECTION_SEPARATOR) : null);
  const emit = () => {
    if (parts.length === 0) return;
    chunks.push({ ordinal: chunks.length, section: section(), pageStart, pageEnd, text: parts.join('\n\n') });
    parts = [];
    length = 0;
    pageStart = null;
    pageEnd = null;
  };
  const add = (piece: string, page: number | null) => {
    if (length > 0 && length + piece.length + 2 > maxChars && length >= minChars / 2) emit();
    parts.push(piece);
    length += piece.length + 2;
    if (page !== null) {
      pageStart ??= page;
      pageEnd = page;
    }
    if (length >= maxChars) emit();
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      emit();
      headings.length = Math.min(headings.length, block.level - 1);
      while (headings.length < block.level - 1) headings.push('');
      headings.push(block.text);
      continue;
    }
    const page = block.page ?? null;
    for (const piece of splitLong(block.text, maxChars)) add(piece, page);
  }
  emit();
  return mergeSmall(chunks, minChars, maxChars);
}

/** A short last piece under a heading joins the chunk before it when both share section and fit. */
function mergeSmall(chunks: Chunk[], minChars: number, maxChars: number): Chunk[] {
  const merged: Chunk[] = [];
  for (const chunk of chunks) {
    const previous = merged[merged.length - 1];
    if (previous && previous.section === chunk.section && chunk.text.length < minChars && previous.text.length + chunk.text.length + 2 <= maxChars * 1.2) {
      previous.text = `${previous.text}\n\n${chunk.text}`;
      previous.pageStart ??= chunk.pageStart;
      previous.pageEnd = chunk.pageEnd ?? previous.pageEnd;
    } else merged.push({ ...chunk, ordinal: merged.length });
  }
  return merged;
}

export function splitLong(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const sentences = text.match(/[^.!?]+(?:[.!?]+["»“”']?\s*|$)/g) ?? [text];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (sentence.length > maxChars) {
      if (current.trim()) pieces.push(current.trim());
      current = '';
      for (const word of sentence.split(/\s+/)) {
        if (current.length + word.length + 1 > maxChars && current) {
          pieces.push(current.trim());
          current = '';
        }
        current += `${word} `;
      }
      continue;
    }
    if (current.length + sentence.length > maxChars && current.trim()) {
      pieces.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/** "S. 3" / "p. 3–4" and the section, for citations. */
export function locationLabel(chunk: Pick<Chunk, 'section' | 'pageStart' | 'pageEnd'>, locale: 'de' | 'en' = 'de'): string {
  const page = chunk.pageStart === null ? '' : `${locale === 'de' ? 'S.' : 'p.'} ${chunk.pageStart}${chunk.pageEnd !== null && chunk.pageEnd !== chunk.pageStart ? `–${chunk.pageEnd}` : ''}`;
  return [page, chunk.section ?? ''].filter(Boolean).join(', ');
}
