import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';

/** Energy and CO2 in plain figures (ENERGY-1), e.g. "0,12 Wh · 0,05 g CO₂e". */
export function EnergyFigures({ wh, co2eGrams }: { wh: number | null; co2eGrams: number | null }) {
  const { t, i18n } = useTranslation();
  if (wh === null) return null;
  const number = (value: number) => formatNumber(value, i18n.language, { maximumSignificantDigits: 2 });
  return <>{t('workspace.energy.figures', { wh: number(wh), co2: number(co2eGrams ?? 0) })}</>;
}
