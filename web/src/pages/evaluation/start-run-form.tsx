import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { localized, type Catalogue, type EvaluatedModel, type RunSelection, type RunView } from './evaluation-types';

type Language = 'de' | 'en';

/** The selection of a run or a schedule: built-in categories, languages, imported datasets, an optional sample. */
export function SelectionFields({
  catalogue,
  value,
  onChange,
}: {
  catalogue: Catalogue;
  value: { categories: string[]; languages: Language[]; datasets: string[] };
  onChange(next: { categories: string[]; languages: Language[]; datasets: string[] }): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <CheckboxGroup
        legend={t('evaluation.start.categories')}
        options={catalogue.categories.map((entry) => ({ value: entry.category, label: localized(entry.label, i18n.language) }))}
        value={value.categories}
        onChange={(categories) => onChange({ ...value, categories })}
      />
      <CheckboxGroup<Language>
        legend={t('evaluation.start.languages')}
        options={[
          { value: 'de', label: t('evaluation.language.de') },
          { value: 'en', label: t('evaluation.language.en') },
        ]}
        value={value.languages}
        onChange={(languages) => onChange({ ...value, languages })}
      />
      {catalogue.datasets.length > 0 ? (
        <CheckboxGroup
          legend={t('evaluation.start.datasets')}
          options={catalogue.datasets.map((dataset) => ({ value: dataset.id, label: `${dataset.name} (${dataset.itemCount})` }))}
          value={value.datasets}
          onChange={(datasets) => onChange({ ...value, datasets })}
        />
      ) : null}
    </>
  );
}

export function toSelection(catalogue: Catalogue, value: { categories: string[]; languages: Language[]; datasets: string[] }): RunSelection {
  const all = value.categories.length === catalogue.categories.length;
  return {
    suites: all ? 'all' : value.categories.length === 0 ? 'none' : value.categories,
    languages: value.languages,
    datasets: value.datasets,
  };
}

/** Starts a run for the review board: model, categories, languages, datasets, optionally only the first n items. */
export function StartRunForm({ catalogue, models, onStarted }: { catalogue: Catalogue; models: EvaluatedModel[]; onStarted(run: RunView): void }) {
  const { t } = useTranslation();
  const candidates = models.filter((model) => model.status !== 'excluded');
  const [modelId, setModelId] = useState('');
  const [selection, setSelection] = useState({
    categories: catalogue.categories.map((entry) => entry.category),
    languages: ['de', 'en'] as Language[],
    datasets: [] as string[],
  });
  const [limit, setLimit] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const run = await api<RunView>('/api/evaluation/runs', {
        method: 'POST',
        body: {
          modelId: modelId || candidates[0]?.id,
          selection: { ...toSelection(catalogue, selection), ...(limit ? { limitPerCategory: Number(limit) } : {}) },
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      onStarted(run);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <ErrorNotice error={error} />
      <SelectField label={t('evaluation.start.model')} value={modelId || candidates[0]?.id || ''} onChange={(event) => setModelId(event.target.value)}>
        {candidates.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} ({model.id})
          </option>
        ))}
      </SelectField>
      <SelectionFields catalogue={catalogue} value={selection} onChange={setSelection} />
      <TextField
        label={t('evaluation.start.limit')}
        hint={t('evaluation.start.limitHint')}
        type="number"
        min={1}
        inputMode="numeric"
        value={limit}
        onChange={(event) => setLimit(event.target.value)}
      />
      <TextField label={t('evaluation.start.note')} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" className="primary" disabled={busy || candidates.length === 0}>
        {t('evaluation.start.submit')}
      </button>
    </form>
  );
}
