import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorNotice, Notice } from '../../components/notice';
import { useSession } from '../../session/session-context';
import { pick, type Definition, type Text } from './workflow-types';

type BatchResult = {
  jobId: string | null;
  created: { line: number; caseId: string; reference: string }[];
  problems: { line: number; fields: { path: string; message: Text | string }[] }[];
};
type Job = { id: string; status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'; progressDone: number; progressTotal: number | null };

/** Many applications at once: a CSV file (columns named like the form fields); drafts follow in a job whose progress is shown. */
export function CsvUpload({ definition }: { definition: Definition }) {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<BatchResult>();
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!result?.jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api<Job>(`/api/jobs/${result.jobId}`);
        if (stopped) return;
        setJob(next);
        if (next.status === 'queued' || next.status === 'running') setTimeout(() => void poll(), 1000);
      } catch (reason) {
        if (!stopped) setError(reason);
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [result?.jobId]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file || !currentOrg) return;
    setError(undefined);
    setResult(undefined);
    setJob(undefined);
    try {
      const csv = await file.text();
      setResult(await api<BatchResult>(`/api/orgs/${currentOrg.id}/workflow-cases/csv`, { method: 'POST', body: { workflowId: definition.id, csv } }));
    } catch (reason) {
      setError(reason);
    }
  }

  const total = job?.progressTotal ?? result?.created.length ?? 0;
  const done = job?.progressDone ?? 0;
  const columns = definition.form.fields.map((field) => field.name).join(';');
  return (
    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading">{t('workflows.csv.title')}</h2>
      <p>{t('workflows.csv.intro')}</p>
      <details>
        <summary>{t('workflows.csv.columns')}</summary>
        <ul>
          {definition.form.fields.map((field) => (
            <li key={field.name}>
              <code>{field.name}</code> – {pick(field.label, i18n.language)}
            </li>
          ))}
        </ul>
        <p>
          {t('workflows.csv.header')} <code className="prewrap">{columns}</code>
        </p>
      </details>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void upload(event)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('workflows.csv.file')}</label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0])} />
        </div>
        <button type="submit" disabled={!file}>
          {t('workflows.csv.upload')}
        </button>
      </form>
      {result ? (
        <div aria-live="polite">
          <Notice kind={result.problems.length > 0 ? 'info' : 'success'}>
            <p>{t('workflows.csv.created', { count: result.created.length })}</p>
            {result.problems.length > 0 ? <p>{t('workflows.csv.problems', { count: result.problems.length })}</p> : null}
          </Notice>
          {result.jobId ? (
            <div className="field">
              <label htmlFor={`${fileId}-progress`}>{t('workflows.csv.progress', { done, total })}</label>
              <progress id={`${fileId}-progress`} max={Math.max(total, 1)} value={done} />
              <p>{job ? t(`workflows.csv.job.${job.status}`) : t('workflows.csv.job.queued')}</p>
            </div>
          ) : null}
          {result.problems.length > 0 ? (
            <ul>
              {result.problems.map((problem) => (
                <li key={problem.line}>
                  {t('workflows.csv.line', { line: problem.line })}: {problem.fields.map((field) => `${field.path.replace(/^input\./, '')}: ${typeof field.message === 'string' ? field.message : pick(field.message, i18n.language)}`).join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
          {result.created.length > 0 ? (
            <ul>
              {result.created.map((entry) => (
                <li key={entry.caseId}>
                  <Link to={`/vorgaenge/${entry.caseId}`}>{entry.reference}</Link> ({t('workflows.csv.line', { line: entry.line })})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
