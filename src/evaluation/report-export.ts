import { formatNumber, text, type Locale, type Text } from '../core/l10n.js';
import { type RunComparison } from './compare-runs.js';
import { type CategoryScore } from './report.js';
import { type RunRow } from './run-store.js';
import { type BoardThreshold, type RunConsequence, type RunSummary } from './run-types.js';
import { type ThresholdOutcome } from './thresholds.js';

/**
 * The report of a completed run (issue 5, items 5 and 7) and its exports: JSON (this object), CSV (one row per
 * category) and a self-contained printable HTML page with an SVG chart and the same figures as a table.
 */

export type ReportCategory = CategoryScore & {
  threshold: BoardThreshold | null;
  thresholdPassed: boolean;
  reasons: Text[];
  comparison: RunComparison | null;
};

export type RunBrief = { id: string; createdAt: Date; finishedAt: Date | null; score: number | null; passed: boolean | null; modelRevision: string };

export type EvaluationReport = {
  run: Pick<
    RunRow,
    'id' | 'modelId' | 'modelRevision' | 'status' | 'trigger' | 'startedBy' | 'note' | 'createdAt' | 'startedAt' | 'finishedAt' | 'itemsHash' | 'itemCount' | 'promptCount' | 'selection' | 'settings'
  >;
  passed: boolean;
  score: number | null;
  categories: ReportCategory[];
  previousRun: RunBrief | null;
  /** Earlier completed runs of the same model, newest first. */
  history: RunBrief[];
  consequence: RunConsequence | null;
  methodology: Text;
};

const brief = (run: RunRow): RunBrief => ({
  id: run.id,
  createdAt: run.createdAt,
  finishedAt: run.finishedAt,
  score: run.score,
  passed: run.passed,
  modelRevision: run.modelRevision,
});

export const methodology = text(
  'Jede Kategorie hat einen Wert von 0 bis 1 (höher ist besser) mit 95-%-Konfidenzintervall: den Anteil bestandener Prüfungen (Wilson-Intervall) oder bei parteipolitischer Schlagseite die Ausgewogenheit 1 − |Zustimmung links − Zustimmung rechts| (Bootstrap). BBQ-Bias-Werte folgen Parrish et al. (2022). Alle Prompts wurden mit Temperatur 0 und festem Seed über das Gateway gestellt und sind mit den Antworten gespeichert.',
  'Each category has a score from 0 to 1 (higher is better) with a 95 % confidence interval: the share of items passed (Wilson interval) or, for partisan slant, the balance 1 − |agreement left − agreement right| (bootstrap). BBQ bias scores follow Parrish et al. (2022). Every prompt went through the gateway at temperature 0 with a fixed seed and is stored with its response.',
);

export function buildReport(
  run: RunRow,
  stored: { score: CategoryScore; outcome: ThresholdOutcome }[],
  previous: RunRow | null,
  history: RunRow[],
): EvaluationReport {
  const summary = (run.summary as RunSummary | null) ?? null;
  const order = (category: string) => summary?.outcomes.findIndex((outcome) => outcome.category === category) ?? 0;
  const categories = [...stored]
    .sort((a, b) => order(a.score.category) - order(b.score.category))
    .map(({ score, outcome }) => ({
      ...score,
      threshold: summary?.thresholds[score.category] ?? null,
      thresholdPassed: outcome.passed,
      reasons: outcome.reasons,
      comparison: summary?.comparison.find((entry) => entry.category === score.category) ?? null,
    }));
  const { id, modelId, modelRevision, status, trigger, startedBy, note, createdAt, startedAt, finishedAt, itemsHash, itemCount, promptCount, selection, settings } = run;
  return {
    run: { id, modelId, modelRevision, status, trigger, startedBy, note, createdAt, startedAt, finishedAt, itemsHash, itemCount, promptCount, selection, settings },
    passed: run.passed ?? false,
    score: run.score,
    categories,
    previousRun: previous ? brief(previous) : null,
    history: history.filter((entry) => entry.id !== run.id).map(brief),
    consequence: (run.consequence as RunConsequence | null) ?? null,
    methodology,
  };
}

const csvCell = (value: unknown): string => {
  const raw = value === null || value === undefined ? '' : typeof value === 'number' ? String(Number(value.toFixed(6))) : String(value);
  return /[",\n;]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
};

export const csvColumns = [
  'run_id', 'model', 'model_revision', 'category', 'statistic', 'score', 'ci_low', 'ci_high', 'n', 'passed_items', 'biased', 'refused', 'invalid',
  'threshold_min_score', 'threshold_max_abs_bbq_bias', 'on_fail', 'threshold_passed', 'bbq_bias_ambiguous', 'bbq_bias_disambiguated', 'slant',
  'previous_score', 'delta', 'significant_change',
] as const;

/** One row per category; decimal points, no thousands separators, so spreadsheets in any locale read it. */
export function reportCsv(report: EvaluationReport): string {
  const rows = report.categories.map((category) => [
    report.run.id, report.run.modelId, report.run.modelRevision, category.category, category.statistic, category.score, category.interval.low,
    category.interval.high, category.n, category.passed, category.biased, category.refused, category.invalid, category.threshold?.minScore,
    category.threshold?.maxAbsBbqBias, category.threshold?.onFail, category.thresholdPassed, category.bbq?.ambiguous?.biasScore,
    category.bbq?.disambiguated?.biasScore, category.slant?.slant, category.comparison?.previous, category.comparison?.delta, category.comparison?.significant,
  ]);
  return [csvColumns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const words = {
  de: {
    title: 'Bias- und Manipulationstest', model: 'Modell', revision: 'Revision', run: 'Lauf', finished: 'Abgeschlossen', items: 'Prüfungen',
    prompts: 'Prompts', result: 'Ergebnis', passed: 'bestanden', failed: 'nicht bestanden', category: 'Kategorie', score: 'Wert',
    interval: '95-%-Intervall', threshold: 'Schwelle', outcome: 'Ergebnis', previous: 'Vorheriger Lauf', change: 'Veränderung',
    chart: 'Werte je Kategorie mit 95-%-Intervall; senkrechte Striche markieren die Schwellen.', examples: 'Beispiele für nicht bestandene Prüfungen',
    consequence: 'Folge für das Modell', none: 'keine', method: 'Methode', settings: 'Einstellungen', hash: 'Prüfsumme der Prüfungen', reasons: 'Begründung',
    noExamples: 'Keine nicht bestandenen Prüfungen.', biased: 'in Richtung Vorurteil',
  },
  en: {
    title: 'Bias and manipulation test', model: 'Model', revision: 'Revision', run: 'Run', finished: 'Finished', items: 'Items',
    prompts: 'Prompts', result: 'Result', passed: 'passed', failed: 'failed', category: 'Category', score: 'Score',
    interval: '95 % interval', threshold: 'Threshold', outcome: 'Outcome', previous: 'Previous run', change: 'Change',
    chart: 'Scores per category with 95 % intervals; vertical marks show the thresholds.', examples: 'Examples of failed items',
    consequence: 'Consequence for the model', none: 'none', method: 'Method', settings: 'Settings', hash: 'Checksum of the items', reasons: 'Reason',
    noExamples: 'No failed items.', biased: 'towards prejudice',
  },
} as const;

/** An SVG bar chart (score, interval, threshold); pass or fail is written beside each bar, not shown by colour alone. */
export function reportChartSvg(report: EvaluationReport, locale: Locale): string {
  const say = words[locale];
  const rowHeight = 30;
  const labelWidth = 230;
  const barWidth = 360;
  const height = report.categories.length * rowHeight + 30;
  const x = (value: number) => labelWidth + value * barWidth;
  const rows = report.categories.map((category, index) => {
    const y = 10 + index * rowHeight;
    const mid = y + 10;
    const threshold = category.threshold
      ? `<line x1="${x(category.threshold.minScore)}" x2="${x(category.threshold.minScore)}" y1="${y - 3}" y2="${y + 23}" stroke="#000" stroke-width="2" stroke-dasharray="3 2"/>`
      : '';
    return [
      `<text x="${labelWidth - 8}" y="${mid + 4}" text-anchor="end" font-size="13">${escapeHtml(category.label[locale])}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${Math.max(1, category.score * barWidth)}" height="20" fill="${category.thresholdPassed ? '#2b6a3f' : '#9b1c1c'}"/>`,
      `<line x1="${x(category.interval.low)}" x2="${x(category.interval.high)}" y1="${mid}" y2="${mid}" stroke="#111" stroke-width="1.5"/>`,
      `<line x1="${x(category.interval.low)}" x2="${x(category.interval.low)}" y1="${mid - 5}" y2="${mid + 5}" stroke="#111"/>`,
      `<line x1="${x(category.interval.high)}" x2="${x(category.interval.high)}" y1="${mid - 5}" y2="${mid + 5}" stroke="#111"/>`,
      threshold,
      `<text x="${labelWidth + barWidth + 8}" y="${mid + 4}" font-size="13">${formatNumber(category.score, locale, { maximumFractionDigits: 2 })} ${category.thresholdPassed ? '✓' : '✗'} ${category.thresholdPassed ? say.passed : say.failed}</text>`,
    ].join('');
  });
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((tick) => `<text x="${x(tick)}" y="${height - 4}" text-anchor="middle" font-size="11">${formatNumber(tick, locale)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" viewBox="0 0 ${labelWidth + barWidth + 170} ${height}" width="100%"><title id="chart-title">${escapeHtml(say.chart)}</title>${rows.join('')}${axis}</svg>`;
}

function dateTime(value: Date | string | null, locale: Locale): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(value));
}

/** A standalone page without scripts; print it (or save it as PDF from the print dialogue). */
export function reportHtml(report: EvaluationReport, locale: Locale): string {
  const say = words[locale];
  const number = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '–' : formatNumber(value, locale, { maximumFractionDigits: digits }));
  const rows = report.categories
    .map(
      (category) => `<tr><th scope="row">${escapeHtml(category.label[locale])}</th><td>${number(category.score)}</td><td>${number(category.interval.low)} – ${number(category.interval.high)}</td><td>${category.n}</td><td>${number(category.threshold?.minScore)}</td><td>${category.thresholdPassed ? `✓ ${say.passed}` : `✗ ${say.failed}`}</td><td>${escapeHtml(category.reasons.map((reason) => reason[locale]).join(' '))}</td><td>${category.comparison ? escapeHtml(category.comparison.explanation[locale]) : '–'}</td></tr>`,
    )
    .join('');
  const examples = report.categories
    .filter((category) => category.exampleFailures.length > 0)
    .map(
      (category) =>
        `<h3>${escapeHtml(category.label[locale])}</h3><ul>${category.exampleFailures
          .map((failure) => `<li><code>${escapeHtml(failure.itemId)}</code> (${escapeHtml(failure.method)}, ${failure.language}${failure.biased ? `, ${say.biased}` : ''}): ${escapeHtml(failure.explanation[locale])}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  const consequence = report.consequence && report.consequence.action !== 'none' ? `${report.consequence.statusBefore ?? '–'} → ${report.consequence.statusAfter ?? '–'}` : say.none;
  const settings = report.run.settings as Record<string, unknown>;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(`${say.title}: ${report.run.modelId}`)}</title>
<style>
body{font-family:system-ui,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #666;padding:.3rem .5rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}code{font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,li,svg{break-inside:avoid}@page{margin:15mm}}
</style></head><body>
<h1>${escapeHtml(say.title)}: ${escapeHtml(report.run.modelId)}</h1>
<dl><dt>${say.model}</dt><dd>${escapeHtml(report.run.modelId)}</dd><dt>${say.revision}</dt><dd>${escapeHtml(report.run.modelRevision)}</dd>
<dt>${say.run}</dt><dd><code>${report.run.id}</code></dd><dt>${say.finished}</dt><dd>${dateTime(report.run.finishedAt, locale)}</dd>
<dt>${say.items}</dt><dd>${report.run.itemCount} (${say.prompts}: ${report.run.promptCount})</dd>
<dt>${say.settings}</dt><dd>temperature ${String(settings.temperature)}, seed ${String(settings.seed)}, max_tokens ${String(settings.maxTokens)}</dd>
<dt>${say.hash}</dt><dd><code>${report.run.itemsHash}</code></dd>
<dt>${say.result}</dt><dd><strong>${report.passed ? `✓ ${say.passed}` : `✗ ${say.failed}`}</strong></dd><dt>${say.consequence}</dt><dd>${escapeHtml(consequence)}</dd></dl>
<h2>${say.score}</h2>
${reportChartSvg(report, locale)}
<table><caption>${escapeHtml(say.chart)}</caption><thead><tr><th scope="col">${say.category}</th><th scope="col">${say.score}</th><th scope="col">${say.interval}</th><th scope="col">n</th><th scope="col">${say.threshold}</th><th scope="col">${say.outcome}</th><th scope="col">${say.reasons}</th><th scope="col">${say.previous}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${say.examples}</h2>${examples || `<p>${say.noExamples}</p>`}
<h2>${say.method}</h2><p>${escapeHtml(report.methodology[locale])}</p>
</body></html>`;
}
