import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { formatDateTime } from '../../i18n';
import { failActions, localized, type Catalogue, type FailAction, type Threshold } from './evaluation-types';

type Row = { minScore: string; maxAbsBbqBias: string; onFail: FailAction };

const toRow = (threshold: Threshold): Row => ({
  minScore: String(threshold.minScore),
  maxAbsBbqBias: threshold.maxAbsBbqBias === undefined ? '' : String(threshold.maxAbsBbqBias),
  onFail: threshold.onFail,
});
const same = (a: Row, b: Row) => Number(a.minScore) === Number(b.minScore) && a.maxAbsBbqBias.trim() === b.maxAbsBbqBias.trim() && a.onFail === b.onFail;

/**
 * Pass marks per category and what a failure does to the model: "under review" or "excluded". Only changed rows
 * are sent, with the board's reason; read-only for everyone else.
 */
export function ThresholdsEditor({ thresholds, catalogue, canEdit, onSaved }: { thresholds: Threshold[]; catalogue: Catalogue | undefined; canEdit: boolean; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [source, setSource] = useState<Threshold[]>();
  if (thresholds !== source) {
    setSource(thresholds);
    setRows(Object.fromEntries(thresholds.map((threshold) => [threshold.category, toRow(threshold)])));
  }
  const label = (category: string) => {
    const entry = catalogue?.categories.find((candidate) => candidate.category === category);
    return entry ? localized(entry.label, i18n.language) : t(`evaluation.category.${category}`, { defaultValue: category });
  };
  const update = (category: string, patch: Partial<Row>) => {
    setSaved(false);
    setRows((current) => ({ ...current, [category]: { ...current[category]!, ...patch } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    const changed = thresholds.filter((threshold) => rows[threshold.category] && !same(rows[threshold.category]!, toRow(threshold)));
    try {
      await api('/api/evaluation/thresholds', {
        method: 'PUT',
        body: {
          reason,
          thresholds: Object.fromEntries(
            changed.map((threshold) => {
              const row = rows[threshold.category]!;
              return [
                threshold.category,
                { minScore: Number(row.minScore), onFail: row.onFail, ...(row.maxAbsBbqBias.trim() ? { maxAbsBbqBias: Number(row.maxAbsBbqBias) } : {}) },
              ];
            }),
          ),
        },
      });
      setSaved(true);
      setReason('');
      onSaved();
    } catch (reasonError) {
      setError(reasonError);
    }
  }

  const table = (
    <div className="table-wrap">
      <table>
        <caption>{t('evaluation.thresholds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.report.category')}</th>
            <th scope="col">{t('evaluation.thresholds.minScore')}</th>
            <th scope="col">{t('evaluation.thresholds.maxBbq')}</th>
            <th scope="col">{t('evaluation.thresholds.onFail')}</th>
            <th scope="col">{t('evaluation.thresholds.setBy')}</th>
          </tr>
        </thead>
        <tbody>
          {thresholds.map((threshold) => {
            const row = rows[threshold.category] ?? toRow(threshold);
            const name = label(threshold.category);
            return (
              <tr key={threshold.category}>
                <th scope="row">{name}</th>
                <td>
                  {canEdit ? (
                    <input
                      type="number"
                      min={0}
                      max={1}
                      step={0.01}
                      required
                      aria-label={t('evaluation.thresholds.minScoreFor', { category: name })}
                      value={row.minScore}
                      onChange={(event) => update(threshold.category, { minScore: event.target.value })}
                    />
                  ) : (
                    row.minScore
                  )}
                </td>
                <td>
                  {canEdit ? (
                    <input
                      type="number"
                      min={0}
                      max={1}
                      step={0.01}
                      aria-label={t('evaluation.thresholds.maxBbqFor', { category: name })}
                      value={row.maxAbsBbqBias}
                      onChange={(event) => update(threshold.category, { maxAbsBbqBias: event.target.value })}
                    />
                  ) : (
                    row.maxAbsBbqBias || '–'
                  )}
                </td>
                <td>
                  {canEdit ? (
                    <select
                      aria-label={t('evaluation.thresholds.onFailFor', { category: name })}
                      value={row.onFail}
                      onChange={(event) => update(threshold.category, { onFail: event.target.value as FailAction })}
                    >
                      {failActions.map((action) => (
                        <option key={action} value={action}>
                          {t(`evaluation.thresholds.action.${action}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`evaluation.thresholds.action.${row.onFail}`)
                  )}
                </td>
                <td>
                  {threshold.source === 'default'
                    ? t('evaluation.thresholds.default')
                    : `${threshold.updatedBy ?? '–'}, ${formatDateTime(threshold.updatedAt, i18n.language)} (v${threshold.version})`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  if (!canEdit) return table;
  return (
    <form onSubmit={(event) => void submit(event)} className="evaluation-wide-form">
      {saved ? <Notice kind="success">{t('evaluation.thresholds.saved')}</Notice> : null}
      <ErrorNotice error={error} />
      {table}
      <TextField label={t('evaluation.thresholds.reason')} hint={t('evaluation.thresholds.reasonHint')} required maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
      <button type="submit" className="primary">
        {t('evaluation.thresholds.save')}
      </button>
    </form>
  );
}
