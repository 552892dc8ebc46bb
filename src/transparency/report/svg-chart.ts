import { xmlEscape } from '../atom-feed.js';

export type Bar = { label: string; value: number; display: string };

let chartCounter = 0;

/**
 * A horizontal bar chart as inline SVG. Every bar carries its label and value as text, so nothing is
 * told by colour or length alone; `role="img"` with title and description for screen readers, and the
 * same numbers stand in a table beside every chart.
 */
export function barChartSvg(options: { title: string; description: string; bars: Bar[]; width?: number }): string {
  const id = `chart-${++chartCounter}`;
  const width = options.width ?? 640;
  const labelWidth = 200;
  const valueWidth = 110;
  const barHeight = 22;
  const gap = 8;
  const top = 8;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(0, ...options.bars.map((bar) => bar.value));
  const height = top * 2 + options.bars.length * (barHeight + gap);
  const rows = options.bars.map((bar, index) => {
    const y = top + index * (barHeight + gap);
    const length = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * plotWidth) : 0;
    return [
      `<text x="${labelWidth - 8}" y="${y + barHeight * 0.7}" text-anchor="end" class="chart-label">${xmlEscape(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" class="chart-bar"/>`,
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + barHeight * 0.7}" class="chart-value">${xmlEscape(bar.display)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">`,
    `<title id="${id}-title">${xmlEscape(options.title)}</title>`,
    `<desc id="${id}-desc">${xmlEscape(options.description)}</desc>`,
    `<line x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" class="chart-axis"/>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
