import { useTranslation } from 'react-i18next';

/** Risk class as words with a shape cue, never colour alone. */
const riskMarks: Record<string, string> = { prohibited: '⛔', high: '▲', limited: '●', minimal: '○' };

export function RiskBadge({ riskClass }: { riskClass: string | null | undefined }) {
  const { t } = useTranslation();
  if (!riskClass) return <span className="tp-badge">{t('transparency.risk.unassessed')}</span>;
  return (
    <span className={`tp-badge tp-risk-${riskClass}`}>
      <span aria-hidden="true">{riskMarks[riskClass] ?? ''} </span>
      {t(`transparency.risk.${riskClass}`)}
    </span>
  );
}

export function StatusText({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className="tp-badge">{t(`transparency.status.${status}`)}</span>;
}
