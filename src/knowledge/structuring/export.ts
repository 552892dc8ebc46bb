import { writeDocx } from './docx-writer.js';
import { writeOdt, type OdtBlock } from './odt-writer.js';

export type ExportRun = {
  name: string;
  createdAt: Date;
  itemCount: number;
  summarisedBy: string | null;
  clusters: { ordinal: number; title: string; summary: string; keywords: string[]; count: number; quotes: { sourceId: string; text: string }[] }[];
  items: { sourceId: string; cluster: number | null; text: string }[];
};

export const exportFormats = ['csv', 'md', 'docx', 'odt'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

function share(count: number, total: number): string {
  return `${total ? Math.round((count / total) * 1000) / 10 : 0} %`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would run as a formula in spreadsheet programs (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per input with its cluster: what a spreadsheet needs to filter and count further. */
export function toCsv(run: ExportRun): string {
  const titles = new Map(run.clusters.map((cluster) => [cluster.ordinal, cluster.title]));
  const rows = [['id', 'cluster', 'cluster_title', 'text'], ...run.items.map((item) => [item.sourceId, item.cluster === null ? '' : String(item.cluster + 1), item.cluster === null ? '' : (titles.get(item.cluster) ?? ''), item.text])];
  // Semicolons and a BOM: German spreadsheet programs open it without an import dialog.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function label(run: ExportRun): string {
  return run.summarisedBy ? `Zusammenfassungen KI-generiert · ${run.summarisedBy} · ${run.createdAt.toISOString().slice(0, 10)}` : `Themen automatisch gruppiert (ohne Sprachmodell) · ${run.createdAt.toISOString().slice(0, 10)}`;
}

export function toMarkdown(run: ExportRun): string {
  const lines = [`# ${run.name}`, '', `${run.itemCount} Eingaben in ${run.clusters.length} Themen. ${label(run)}.`, '', '| Nr. | Thema | Anzahl | Anteil |', '|---:|---|---:|---:|'];
  for (const cluster of run.clusters) lines.push(`| ${cluster.ordinal + 1} | ${cluster.title.replace(/\|/g, '\\|')} | ${cluster.count} | ${share(cluster.count, run.itemCount)} |`);
  for (const cluster of run.clusters) {
    lines.push('', `## ${cluster.ordinal + 1}. ${cluster.title}`, '', `${cluster.count} Eingaben (${share(cluster.count, run.itemCount)}) · Begriffe: ${cluster.keywords.join(', ')}`, '');
    if (cluster.summary) lines.push(cluster.summary, '');
    lines.push('Typische Eingaben:', '');
    for (const quote of cluster.quotes) lines.push(`> ${quote.text.replace(/\n+/g, ' ')} — *${quote.sourceId}*`, '>', '');
    while (lines[lines.length - 2] === '>') lines.splice(lines.length - 2, 1);
  }
  return `${lines.join('\n')}\n`;
}

function reportBlocks(run: ExportRun): OdtBlock[] {
  const blocks: OdtBlock[] = [
    { kind: 'heading', level: 1, text: run.name },
    { kind: 'paragraph', text: `${run.itemCount} Eingaben in ${run.clusters.length} Themen. ${label(run)}.` },
    { kind: 'table', header: ['Nr.', 'Thema', 'Anzahl', 'Anteil'], rows: run.clusters.map((cluster) => [String(cluster.ordinal + 1), cluster.title, String(cluster.count), share(cluster.count, run.itemCount)]) },
  ];
  for (const cluster of run.clusters) {
    blocks.push({ kind: 'heading', level: 2, text: `${cluster.ordinal + 1}. ${cluster.title}` });
    blocks.push({ kind: 'paragraph', text: `${cluster.count} Eingaben (${share(cluster.count, run.itemCount)}) · Begriffe: ${cluster.keywords.join(', ')}` });
    if (cluster.summary) blocks.push({ kind: 'paragraph', text: cluster.summary });
    for (const quote of cluster.quotes) blocks.push({ kind: 'paragraph', style: 'quote', text: `„${quote.text}“ (${quote.sourceId})` });
  }
  return blocks;
}

export function toOdt(run: ExportRun): Uint8Array {
  return writeOdt(reportBlocks(run), run.name);
}

export function toDocx(run: ExportRun): Uint8Array {
  return writeDocx(reportBlocks(run), run.name);
}

export function renderExport(run: ExportRun, format: ExportFormat): { body: Buffer; contentType: string; extension: string } {
  const body = format === 'csv' ? Buffer.from(toCsv(run)) : format === 'md' ? Buffer.from(toMarkdown(run)) : format === 'odt' ? Buffer.from(toOdt(run)) : Buffer.from(toDocx(run));
  return { body, contentType: contentTypes[format], extension: format };
}
