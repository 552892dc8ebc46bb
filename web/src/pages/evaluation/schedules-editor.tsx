import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { formatDateTime } from '../../i18n';
import { localized, type Catalogue, type EvaluatedModel, type Schedule } from './evaluation-types';
import { SelectionFields, toSelection } from './start-run-form';

type Language = 'de' | 'en';

/** Re-runs per model every n days (GOV-4); a changed revision starts a run by itself. */
export function SchedulesEditor({ schedules, models, catalogue, canEdit, onSaved }: { schedules: Schedule[]; models: EvaluatedModel[]; catalogue: Catalogue; canEdit: boolean; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [modelId, setModelId] = useState('');
  const [intervalDays, setIntervalDays] = useState('90');
  const [enabled, setEnabled] = useState(true);
  const [selection, setSelection] = useState({ categories: catalogue.categories.map((entry) => entry.category), languages: ['de', 'en'] as Language[], datasets: [] as string[] });
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const chosen = modelId || models[0]?.id || '';
  const name = (id: string) => models.find((model) => model.id === id)?.name ?? id;

  function edit(schedule: Schedule) {
    setModelId(schedule.modelId);
    setIntervalDays(String(schedule.intervalDays));
    setEnabled(schedule.enabled);
    const suites = schedule.selection.suites;
    setSelection({
      categories: suites === 'all' ? catalogue.categories.map((entry) => entry.category) : suites === 'none' ? [] : suites,
      languages: schedule.selection.languages,
      datasets: schedule.selection.datasets,
    });
    setSaved(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      await api(`/api/evaluation/schedules/${encodeURIComponent(chosen)}`, {
        method: 'PUT',
        body: { intervalDays: Number(intervalDays), enabled, selection: toSelection(catalogue, selection) },
      });
      setSaved(chosen);
      onSaved();
    } catch (reason) {
      setError(reason);
    }
  }

  const describe = (schedule: Schedule) => {
    const suites = schedule.selection.suites;
    const categories =
      suites === 'all'
        ? t('evaluation.schedules.allCategories')
        : suites === 'none'
          ? '–'
          : suites.map((category) => localized(catalogue.categories.find((entry) => entry.category === category)?.label, i18n.language) || category).join(', ');
    return `${categories}; ${schedule.selection.languages.map((language) => t(`evaluation.language.${language}`)).join(', ')}`;
  };

  return (
    <>
      {schedules.length === 0 ? (
        <p>{t('evaluation.schedules.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('evaluation.schedules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.runs.model')}</th>
                <th scope="col">{t('evaluation.schedules.interval')}</th>
                <th scope="col">{t('evaluation.schedules.selection')}</th>
                <th scope="col">{t('evaluation.schedules.next')}</th>
                <th scope="col">{t('evaluation.thresholds.setBy')}</th>
                {canEdit ? <th scope="col">{t('evaluation.schedules.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr key={schedule.modelId}>
                  <th scope="row">{name(schedule.modelId)}</th>
                  <td>{schedule.enabled ? t('evaluation.models.every', { count: schedule.intervalDays }) : t('evaluation.models.paused')}</td>
                  <td>{describe(schedule)}</td>
                  <td>{schedule.enabled ? formatDateTime(schedule.nextRunAt, i18n.language) : '–'}</td>
                  <td>
                    {schedule.updatedBy}, {formatDateTime(schedule.updatedAt, i18n.language)}
                  </td>
                  {canEdit ? (
                    <td>
                      <button type="button" onClick={() => edit(schedule)}>
                        {t('evaluation.schedules.edit', { model: name(schedule.modelId) })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <form onSubmit={(event) => void submit(event)}>
          <h3>{t('evaluation.schedules.formTitle')}</h3>
          {saved ? <Notice kind="success">{t('evaluation.schedules.saved', { model: name(saved) })}</Notice> : null}
          <ErrorNotice error={error} />
          <SelectField label={t('evaluation.start.model')} value={chosen} onChange={(event) => setModelId(event.target.value)}>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} ({model.id})
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('evaluation.schedules.intervalDays')}
            type="number"
            min={1}
            max={3650}
            required
            value={intervalDays}
            onChange={(event) => setIntervalDays(event.target.value)}
          />
          <div className="checkbox field">
            <input id="schedule-enabled" type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
            <label htmlFor="schedule-enabled">{t('evaluation.schedules.enabled')}</label>
          </div>
          <SelectionFields catalogue={catalogue} value={selection} onChange={setSelection} />
          <button type="submit" className="primary" disabled={!chosen}>
            {t('evaluation.schedules.save')}
          </button>
        </form>
      ) : null}
    </>
  );
}
