import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { localized, type Score } from './registry-types';

/** The score breakdown anyone can follow: value × weight → contribution, per criterion. */
export function ScoreTable({ score, caption }: { score: Score; caption: string }) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = 2) => formatNumber(value, i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.card.criterion')}</th>
            <th scope="col">{t('registry.card.value')}</th>
            <th scope="col">{t('registry.card.weight')}</th>
            <th scope="col">{t('registry.card.contribution')}</th>
            <th scope="col">{t('registry.card.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {score.breakdown.map((item) => (
            <tr key={item.criterion}>
              <th scope="row">{t(`registry.criteria.${item.criterion}`, { defaultValue: item.criterion })}</th>
              <td>
                {number(item.value)} {item.missing ? <span className="muted">{t('registry.card.missing')}</span> : null}
              </td>
              <td>{number(item.weight)}</td>
              <td>{number(item.contribution, 3)}</td>
              <td>{localized(item.explanation, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('registry.card.total')}</th>
            <td colSpan={2} />
            <td>
              <strong>{number(score.total, 3)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
