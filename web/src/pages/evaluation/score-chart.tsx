import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { localized, type ReportCategory } from './evaluation-types';

const rowHeight = 34;
const labelWidth = 240;
const barWidth = 380;
const resultWidth = 190;

/**
 * Score per category as bars with the 95 % interval as whiskers and the threshold as a dashed mark. Pass or fail
 * is written beside each bar (not shown by colour alone); the table below carries the same figures.
 */
export function ScoreChart({ categories }: { categories: ReportCategory[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const number = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 2 });
  const height = categories.length * rowHeight + 34;
  const x = (value: number) => labelWidth + value * barWidth;
  return (
    <figure className="evaluation-chart">
      <svg role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${labelWidth + barWidth + resultWidth} ${height}`} width="100%">
        <title id={titleId}>{t('evaluation.report.chartTitle')}</title>
        <desc id={descId}>{t('evaluation.report.chartDescription')}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={6} y2={height - 22} stroke="#8a939c" strokeWidth={1} />
            <text x={x(tick)} y={height - 6} textAnchor="middle" fontSize={12} fill="#1b1f23">
              {number(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          const y = 10 + index * rowHeight;
          const mid = y + 11;
          return (
            <g key={category.category}>
              <text x={labelWidth - 8} y={mid + 4} textAnchor="end" fontSize={13} fill="#1b1f23">
                {localized(category.label, i18n.language)}
              </text>
              <rect
                x={labelWidth}
                y={y}
                width={Math.max(1, category.score * barWidth)}
                height={22}
                fill={category.thresholdPassed ? '#2b6a3f' : '#9b1c1c'}
                {...(category.thresholdPassed ? {} : { fillOpacity: 1, stroke: '#1b1f23', strokeDasharray: '4 2' })}
              />
              <line x1={x(category.interval.low)} x2={x(category.interval.high)} y1={mid} y2={mid} stroke="#1b1f23" strokeWidth={2} />
              <line x1={x(category.interval.low)} x2={x(category.interval.low)} y1={mid - 6} y2={mid + 6} stroke="#1b1f23" strokeWidth={2} />
              <line x1={x(category.interval.high)} x2={x(category.interval.high)} y1={mid - 6} y2={mid + 6} stroke="#1b1f23" strokeWidth={2} />
              {category.threshold ? (
                <line
                  x1={x(category.threshold.minScore)}
                  x2={x(category.threshold.minScore)}
                  y1={y - 4}
                  y2={y + 26}
                  stroke="#b3470e"
                  strokeWidth={3}
                  strokeDasharray="4 3"
                />
              ) : null}
              <text x={labelWidth + barWidth + 10} y={mid + 4} fontSize={13} fill="#1b1f23">
                {number(category.score)} {category.thresholdPassed ? `✓ ${t('evaluation.result.passed')}` : `✗ ${t('evaluation.result.failed')}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{t('evaluation.report.chartLegend')}</figcaption>
    </figure>
  );
}
