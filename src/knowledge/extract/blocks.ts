/** What every extractor produces: headings and text in reading order, with the page where known. */
export type Block = { kind: 'heading'; level: number; text: string; page?: number | undefined } | { kind: 'text'; text: string; page?: number | undefined };

export type ExtractedDocument = {
  /** The document's own title (first heading, metadata), when it has one. */
  title?: string | undefined;
  blocks: Block[];
  /** Pages, for formats that have them (PDF). */
  pageCount?: number | undefined;
};

export const documentFormats = ['pdf', 'docx', 'odt', 'markdown', 'html', 'txt'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** Collapses runs of whitespace (PDF and HTML text is full of them) into single spaces. */
export function tidy(value: string): string {
  return value.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();
}

export function titleOf(blocks: Block[]): string | undefined {
  const heading = blocks.find((block) => block.kind === 'heading');
  return heading ? heading.text.slice(0, 200) : undefined;
}
