import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../i18n';
import { formatBytes, pick, type Text } from './accountability-shared';
import './accountability.css';

type Deadline = { dueDate: string; doneAt: string | null; overdue: boolean };
type Status = {
  caseNumber: string;
  organisation: string | null;
  category: string;
  subject: string;
  status: string;
  statusLabel: Text;
  outcome: string | null;
  receivedAt: string;
  dayCount: string;
  acknowledge: Deadline;
  decision: Deadline;
  events: { at: string; status: string | null; message: Text }[];
  attachments: { fileName: string; sizeBytes: number }[];
};

/**
 * OPEN-4: where a complaint stands, for its case number and secret code, or straight from the
 * `#code` link. The code never goes into the address sent to the server (the fragment stays in the browser).
 */
export default function PublicStatusPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [caseNumber, setCaseNumber] = useState('');
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const lookup = useCallback(
    async (token: string, expectedCase?: string) => {
      setBusy(true);
      setError(undefined);
      setStatus(undefined);
      try {
        const result = await api<Status>('/api/public/complaints/status', { method: 'POST', body: { token } });
        if (expectedCase && result.caseNumber.toUpperCase() !== expectedCase.trim().toUpperCase()) throw new Error(t('accountability.status.mismatch'));
        setStatus(result);
      } catch (reason) {
        setError(reason);
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  useEffect(() => {
    const fromLink = decodeURIComponent(location.hash.replace(/^#/, ''));
    // Looked up after the render that read the link, like any other answer from the server.
    if (fromLink) queueMicrotask(() => void lookup(fromLink));
  }, [location.hash, lookup]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void lookup(code, caseNumber);
  }

  const deadline = (label: string, value: Deadline) => (
    <>
      <dt>{label}</dt>
      <dd>
        {formatDate(`${value.dueDate}T12:00:00`, i18n.language)}
        {value.doneAt ? ` – ${t('accountability.status.done', { date: formatDate(value.doneAt, i18n.language) })}` : value.overdue ? ` – ${t('accountability.status.overdue')}` : ` – ${t('accountability.status.open')}`}
      </dd>
    </>
  );

  return (
    <Page title={t('accountability.status.title')} intro={t('accountability.status.intro')}>
      <form onSubmit={submit} noValidate aria-describedby="status-help">
        <p id="status-help" className="hint">
          {t('accountability.status.help')}
        </p>
        <TextField label={t('accountability.status.caseNumber')} hint={t('accountability.status.caseNumberHint')} required value={caseNumber} onChange={(event) => setCaseNumber(event.target.value)} autoComplete="off" />
        <TextField label={t('accountability.status.code')} hint={t('accountability.status.codeHint')} required value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" spellCheck={false} />
        <button type="submit" className="primary" disabled={busy}>
          {t('accountability.status.show')}
        </button>
      </form>
      <div aria-live="polite">
        {busy ? <p className="muted">{t('app.loading')}</p> : null}
        <ErrorNotice error={error} />
        {status ? (
          <section className="panel" aria-labelledby="complaint-status">
            <h2 id="complaint-status">{t('accountability.status.heading', { number: status.caseNumber })}</h2>
            <dl className="facts">
              <dt>{t('accountability.status.subject')}</dt>
              <dd>{status.subject}</dd>
              {status.organisation ? (
                <>
                  <dt>{t('accountability.status.organisation')}</dt>
                  <dd>{status.organisation}</dd>
                </>
              ) : null}
              <dt>{t('accountability.status.state')}</dt>
              <dd>
                <strong>{pick(status.statusLabel, i18n.language)}</strong>
                {status.outcome ? ` – ${t(`accountability.outcome.${status.outcome}`)}` : ''}
              </dd>
              <dt>{t('accountability.status.received')}</dt>
              <dd>{formatDateTime(status.receivedAt, i18n.language)}</dd>
              {deadline(t('accountability.status.acknowledge'), status.acknowledge)}
              {deadline(t('accountability.status.decision'), status.decision)}
              {status.attachments.length > 0 ? (
                <>
                  <dt>{t('accountability.status.files')}</dt>
                  <dd>{status.attachments.map((file) => `${file.fileName} (${formatBytes(file.sizeBytes, i18n.language)})`).join(', ')}</dd>
                </>
              ) : null}
            </dl>
            <h3>{t('accountability.status.history')}</h3>
            <ol className="acc-timeline">
              {status.events.map((entry, index) => (
                <li key={`${entry.at}-${index}`}>
                  <span className="muted">
                    {formatDateTime(entry.at, i18n.language)}
                    {entry.status ? ` · ${t(`accountability.complaintStatus.${entry.status}`)}` : ''}
                  </span>
                  <p className="acc-message">{pick(entry.message, i18n.language)}</p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      <p>
        <Link to="/beschwerde">{t('accountability.status.newComplaint')}</Link>
      </p>
    </Page>
  );
}
