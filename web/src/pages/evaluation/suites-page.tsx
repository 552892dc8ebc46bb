import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../i18n';
import { localized, useIsBoard, type Catalogue, type DatasetSummary } from './evaluation-types';
import './evaluation.css';

/** Imports a BBQ JSONL or CrowS-Pairs CSV file chosen in the browser. */
function ImportForm({ onImported }: { onImported(dataset: DatasetSummary): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const [format, setFormat] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setBusy(true);
    try {
      const content = await file.text();
      const dataset = await api<DatasetSummary>('/api/evaluation/datasets', {
        method: 'POST',
        body: { name: name.trim() || file.name.replace(/\.[^.]+$/, ''), fileName: file.name, content, ...(format ? { format } : {}) },
      });
      setName('');
      onImported(dataset);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      <ErrorNotice error={error} />
      <TextField
        label={t('evaluation.datasets.file')}
        hint={t('evaluation.datasets.fileHint')}
        type="file"
        accept=".jsonl,.csv"
        required
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <TextField label={t('evaluation.datasets.name')} hint={t('evaluation.datasets.nameHint')} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
      <SelectField label={t('evaluation.datasets.format')} value={format} onChange={(event) => setFormat(event.target.value)}>
        <option value="">{t('evaluation.datasets.formatAuto')}</option>
        <option value="bbq_jsonl">{t('evaluation.datasets.formats.bbq_jsonl')}</option>
        <option value="crows_pairs_csv">{t('evaluation.datasets.formats.crows_pairs_csv')}</option>
      </SelectField>
      <button type="submit" className="primary" disabled={busy || !file}>
        {busy ? t('evaluation.datasets.importing') : t('evaluation.datasets.import')}
      </button>
    </form>
  );
}

/** What a run can ask: the built-in suites per category and language, and the imported public datasets. */
export default function EvaluationSuitesPage() {
  const { t, i18n } = useTranslation();
  const board = useIsBoard();
  const { data, error, reload } = useResource<Catalogue>('/api/evaluation/suites');
  const [imported, setImported] = useState<DatasetSummary>();
  const number = (value: number) => formatNumber(value, i18n.language);

  return (
    <Page title={t('evaluation.suites.title')} intro={t('evaluation.suites.intro')}>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <section aria-labelledby="suites-builtin">
            <h2 id="suites-builtin">{t('evaluation.suites.builtIn')}</h2>
            <div className="table-wrap">
              <table>
                <caption>{t('evaluation.suites.caption', { items: number(data.total.items), prompts: number(data.total.prompts) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('evaluation.report.category')}</th>
                    <th scope="col">{t('evaluation.suites.itemsDe')}</th>
                    <th scope="col">{t('evaluation.suites.itemsEn')}</th>
                    <th scope="col">{t('evaluation.suites.methods')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.categories.map((entry) => (
                    <tr key={entry.category}>
                      <th scope="row">{localized(entry.label, i18n.language)}</th>
                      <td>{number(entry.items.de)}</td>
                      <td>{number(entry.items.en)}</td>
                      <td>{entry.methods.map((method) => t(`evaluation.method.${method}`, { defaultValue: method })).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">{t('evaluation.suites.files')}</p>
          </section>

          <section aria-labelledby="suites-datasets">
            <h2 id="suites-datasets">{t('evaluation.datasets.title')}</h2>
            {data.datasets.length === 0 ? (
              <p>{t('evaluation.datasets.empty')}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('evaluation.datasets.name')}</th>
                      <th scope="col">{t('evaluation.datasets.format')}</th>
                      <th scope="col">{t('evaluation.datasets.items')}</th>
                      <th scope="col">{t('evaluation.datasets.problems')}</th>
                      <th scope="col">{t('evaluation.datasets.importedBy')}</th>
                      <th scope="col">{t('evaluation.datasets.checksum')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.datasets.map((dataset) => (
                      <tr key={dataset.id}>
                        <th scope="row">
                          {dataset.name} <span className="muted">({dataset.fileName})</span>
                        </th>
                        <td>{t(`evaluation.datasets.formats.${dataset.format}`)}</td>
                        <td>{number(dataset.itemCount)}</td>
                        <td>
                          {dataset.problemCount === 0 ? (
                            '0'
                          ) : (
                            <details>
                              <summary>{number(dataset.problemCount)}</summary>
                              <ul>
                                {dataset.problems.map((problem, index) => (
                                  <li key={index}>
                                    {t('evaluation.datasets.record', { record: problem.record })}: {problem.message}
                                  </li>
                                ))}
                              </ul>
                            </details>
                          )}
                        </td>
                        <td>
                          {dataset.createdBy}, {formatDateTime(dataset.createdAt, i18n.language)}
                        </td>
                        <td>
                          <code title={dataset.sha256}>{dataset.sha256.slice(0, 12)}…</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {board ? (
            <section aria-labelledby="suites-import" className="panel">
              <h2 id="suites-import">{t('evaluation.datasets.importTitle')}</h2>
              <p className="hint">{t('evaluation.datasets.importIntro')}</p>
              {imported ? (
                <Notice kind="success">{t('evaluation.datasets.imported', { name: imported.name, items: imported.itemCount, problems: imported.problemCount })}</Notice>
              ) : null}
              <ImportForm
                onImported={(dataset) => {
                  setImported(dataset);
                  reload();
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
