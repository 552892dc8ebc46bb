import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { readAsBase64, usePolling, type RunSummary } from './knowledge-shared';

const active = (runs: RunSummary[]) => runs.some((run) => run.status === 'queued' || run.status === 'running');

/** Structuring many inputs (WORK-2): upload a table or documents, start an analysis, see my analyses. */
export default function StructuringPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { currentOrg } = useSession();
  const fileId = useId();
  const { data: runs, error: loadError } = usePolling<RunSummary[]>(currentOrg ? `/api/orgs/${currentOrg.id}/structuring/runs` : undefined, active);
  const [form, setForm] = useState({ name: '', textColumn: '', idColumn: '', clusters: '', method: 'auto' });
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);

  async function start(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSending(true);
    try {
      const payload = await Promise.all(files.map(async (file) => ({ filename: file.name, contentBase64: await readAsBase64(file) })));
      const run = await api<{ id: string }>(`/api/orgs/${currentOrg!.id}/structuring/runs`, {
        method: 'POST',
        body: {
          name: form.name || files[0]?.name || t('knowledge.structuring.defaultName'),
          files: payload,
          method: form.method,
          ...(form.textColumn ? { textColumn: form.textColumn } : {}),
          ...(form.idColumn ? { idColumn: form.idColumn } : {}),
          ...(form.clusters ? { clusters: Number(form.clusters) } : {}),
        },
      });
      void navigate(`/wissen/auswertung/${run.id}`);
    } catch (reason) {
      setError(reason);
    } finally {
      setSending(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  if (!currentOrg) return null;
  return (
    <Page title={t('knowledge.structuring.title')} intro={t('knowledge.structuring.intro')}>
      <section aria-labelledby="structuring-start">
        <h2 id="structuring-start">{t('knowledge.structuring.start')}</h2>
        <ErrorNotice error={error} />
        <form onSubmit={(event) => void start(event)} noValidate>
          <div className="field">
            <label htmlFor={fileId}>
              {t('knowledge.structuring.files')} <span className="required">({t('app.required')})</span>
            </label>
            <p className="hint" id={`${fileId}-hint`}>
              {t('knowledge.structuring.filesHint')}
            </p>
            <input id={fileId} type="file" multiple required aria-describedby={`${fileId}-hint`} accept=".csv,.tsv,.xlsx,.json,.pdf,.docx,.odt,.md,.html,.txt" onChange={(event) => setFiles([...(event.target.files ?? [])])} />
          </div>
          <TextField label={t('knowledge.structuring.name')} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} error={fieldErrors.name} />
          <TextField label={t('knowledge.structuring.textColumn')} hint={t('knowledge.structuring.textColumnHint')} value={form.textColumn} onChange={(event) => setForm({ ...form, textColumn: event.target.value })} />
          <TextField label={t('knowledge.structuring.idColumn')} value={form.idColumn} onChange={(event) => setForm({ ...form, idColumn: event.target.value })} />
          <TextField label={t('knowledge.structuring.clusters')} hint={t('knowledge.structuring.clustersHint')} type="number" min={2} max={50} inputMode="numeric" value={form.clusters} onChange={(event) => setForm({ ...form, clusters: event.target.value })} error={fieldErrors.clusters} />
          <SelectField label={t('knowledge.structuring.method')} value={form.method} onChange={(event) => setForm({ ...form, method: event.target.value })}>
            {(['auto', 'embeddings', 'terms'] as const).map((method) => (
              <option key={method} value={method}>
                {t(`knowledge.structuring.methods.${method}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary" disabled={files.length === 0 || sending}>
            {sending ? t('knowledge.structuring.sending') : t('knowledge.structuring.start')}
          </button>
        </form>
      </section>
      <section aria-labelledby="structuring-runs">
        <h2 id="structuring-runs">{t('knowledge.structuring.mine')}</h2>
        <ErrorNotice error={loadError} />
        {runs && runs.length > 0 ? (
          <div className="table-wrap" aria-live="polite">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('knowledge.structuring.name')}</th>
                  <th scope="col">{t('knowledge.documents.status')}</th>
                  <th scope="col">{t('knowledge.structuring.inputs')}</th>
                  <th scope="col">{t('knowledge.structuring.topics')}</th>
                  <th scope="col">{t('knowledge.structuring.started')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/wissen/auswertung/${run.id}`}>{run.name}</Link>
                    </th>
                    <td>{t(`knowledge.runStatus.${run.status}`)}</td>
                    <td>{formatNumber(run.itemCount, i18n.language)}</td>
                    <td>{run.status === 'succeeded' ? formatNumber(run.clusterCount, i18n.language) : '–'}</td>
                    <td>{formatDateTime(run.createdAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : runs ? (
          <p>{t('knowledge.structuring.none')}</p>
        ) : null}
      </section>
    </Page>
  );
}
