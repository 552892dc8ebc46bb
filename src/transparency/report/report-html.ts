import { createHash } from 'node:crypto';
import { xmlEscape as escape } from '../atom-feed.js';
import type { ReportDocument, ReportTable } from './report-document.js';
import { barChartSvg } from './svg-chart.js';

/** One file that can be archived or printed as it is: styles inline, charts inline SVG, no scripts. */
const css = `
:root { color: #1b1f23; background: #fff; font-family: 'DejaVu Sans', system-ui, sans-serif; line-height: 1.5; }
body { max-width: 56rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin: 0; color: #0b5a32; }
.subtitle { font-size: 1.2rem; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #0b5a32; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid #8a939c; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f4f6f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
.chart-bar { fill: #0b5a32; }
.chart-axis { stroke: #4f5660; stroke-width: 1; }
.chart-label, .chart-value { font-size: 13px; fill: #1b1f23; }
footer { margin-top: 2rem; color: #4f5660; font-size: 0.9rem; border-top: 1px solid #8a939c; }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
}
`;

/** The hash for a Content-Security-Policy that allows exactly this inline style sheet and nothing else. */
export const reportStyleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

function tableHtml(table: ReportTable): string {
  const cell = (value: string, index: number, tag: 'th' | 'td', scope?: string) =>
    `<${tag}${scope ? ` scope="${scope}"` : ''}${table.numeric[index] ? ' class="num"' : ''}>${escape(value)}</${tag}>`;
  return [
    '<table>',
    `<caption>${escape(table.caption)}</caption>`,
    `<thead><tr>${table.head.map((head, index) => cell(head, index, 'th', 'col')).join('')}</tr></thead>`,
    '<tbody>',
    ...table.rows.map((row) => `<tr>${row.map((value, index) => (index === 0 ? cell(value, index, 'th', 'row') : cell(value, index, 'td'))).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

export function reportHtml(document: ReportDocument): string {
  const sections = document.sections.map((section) =>
    [
      '<section>',
      `<h2>${escape(section.heading)}</h2>`,
      ...section.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`),
      ...(section.chart ? [`<figure>${barChartSvg(section.chart)}</figure>`] : []),
      ...(section.table ? [tableHtml(section.table)] : []),
      ...(section.extraTables ?? []).map(tableHtml),
      '</section>',
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    `<html lang="${document.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(`${document.title} – ${document.subtitle}`)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escape(document.title)}</h1>`,
    `<p class="subtitle">${escape(document.subtitle)}</p>`,
    ...document.intro.map((paragraph) => `<p>${escape(paragraph)}</p>`),
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer>${document.footer.map((line) => `<p>${escape(line)}</p>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
