import { useId } from 'react';
import { formatNumber } from '../../i18n';

const rowHeight = 30;
const labelWidth = 220;
const barWidth = 360;
const valueWidth = 140;

export type Bar = { key: string; label: string; value: number };

/**
 * Horizontal bars of energy (Wh) per group. Each bar carries its value as text, so nothing depends on
 * colour or length alone; the page shows the same figures in a table beside it.
 */
export function EnergyChart({
  bars,
  title,
  description,
  language,
}: {
  bars: Bar[];
  title: string;
  description: string;
  language: string;
}) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const height = bars.length * rowHeight + 12;
  return (
    <figure className="energy-chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${labelWidth + barWidth + valueWidth} ${height}`}
        width="100%"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {bars.map((bar, index) => {
          const y = 6 + index * rowHeight;
          const width = max > 0 ? Math.max(1, (bar.value / max) * barWidth) : 1;
          return (
            <g key={bar.key}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize={13} fill="#1b1f23">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y} width={width} height={20} fill="#2b6a3f" />
              <text x={labelWidth + width + 6} y={y + 15} fontSize={13} fill="#1b1f23">
                {formatNumber(bar.value, language, { maximumSignificantDigits: 3 })} Wh
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{description}</figcaption>
    </figure>
  );
}
