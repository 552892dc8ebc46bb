import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/notice';
import { formatDateTime } from '../../i18n';
import { pick, type Action, type CaseView } from './workflow-types';

/** One action of the assistant: exactly what will happen, and — while it waits — confirm or reject (DECIDE-4). */
function ActionCard({ action, busy, onDecide }: { action: Action; busy: boolean; onDecide(action: Action, decision: 'confirm' | 'reject'): void }) {
  const { t, i18n } = useTranslation();
  const summary = pick(action.preview.summary, i18n.language);
  const headingId = `action-${action.id}`;
  const waiting = action.status === 'proposed';
  const calendar = action.tool === 'create_calendar_entry' && action.status === 'done';
  return (
    <article className="action-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{summary}</h3>
      <p>
        <span className="badge">{t(`workflows.assistant.status.${action.status}`)}</span>{' '}
        {action.effect === 'external' ? t('workflows.assistant.external') : t('workflows.assistant.readOnly')}
      </p>
      {action.preview.details.length > 0 ? (
        <dl aria-label={t('workflows.assistant.whatHappens')}>
          {action.preview.details.map((detail) => (
            <div key={detail.label.de} style={{ display: 'contents' }}>
              <dt>{pick(detail.label, i18n.language)}</dt>
              <dd>{detail.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {waiting ? (
        <>
          <p>{t('workflows.assistant.waiting')}</p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => onDecide(action, 'confirm')}>
              {t('workflows.assistant.confirm')}
              <span className="visually-hidden">: {summary}</span>
            </button>
            <button type="button" disabled={busy} onClick={() => onDecide(action, 'reject')}>
              {t('workflows.assistant.reject')}
              <span className="visually-hidden">: {summary}</span>
            </button>
          </div>
        </>
      ) : action.decidedBy ? (
        <p className="muted">{t('workflows.assistant.decidedBy', { by: action.decidedBy, at: formatDateTime(action.decidedAt, i18n.language) })}</p>
      ) : null}
      {action.error ? <p className="field-error">{t('workflows.assistant.failed', { error: action.error })}</p> : null}
      {calendar ? (
        <p>
          <a href={`/api/workflow-actions/${action.id}/calendar.ics`} download>
            {t('workflows.assistant.downloadIcs')}
          </a>
        </p>
      ) : null}
    </article>
  );
}

/** The assistant for follow-up steps of a decided case; its actions with an external effect wait for a person. */
export function AssistantPanel({ item, onChange }: { item: CaseView; onChange(message: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [instruction, setInstruction] = useState('');
  const [reply, setReply] = useState<string | null>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ready = item.status === 'approved' || item.status === 'sent';

  async function ask(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const result = await api<{ reply: string | null; actions: Action[] }>(`/api/workflow-cases/${item.id}/assistant`, { method: 'POST', body: { instruction } });
      setReply(result.reply);
      const waiting = result.actions.filter((action) => action.status === 'proposed').length;
      onChange(waiting > 0 ? t('workflows.assistant.proposed', { count: waiting }) : t('workflows.assistant.answered'));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  async function decide(action: Action, decision: 'confirm' | 'reject') {
    setError(undefined);
    setBusy(true);
    try {
      const done = await api<Action>(`/api/workflow-actions/${action.id}/${decision}`, { method: 'POST' });
      onChange(decision === 'reject' ? t('workflows.assistant.rejected') : done.status === 'failed' ? t('workflows.assistant.ranFailed') : t('workflows.assistant.ran'));
    } catch (reason) {
      setError(reason);
      onChange('');
    } finally {
      setBusy(false);
    }
  }

  const waiting = item.actions.filter((action) => action.status === 'proposed');
  const other = item.actions.filter((action) => action.status !== 'proposed');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('workflows.assistant.title')}</h2>
      <p>{t('workflows.assistant.intro')}</p>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void ask(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-instruction`}>{t('workflows.assistant.instruction')}</label>
          <p id={`${id}-hint`} className="hint">
            {ready ? t('workflows.assistant.instructionHint') : t('workflows.assistant.needsDecision')}
          </p>
          <textarea id={`${id}-instruction`} rows={3} value={instruction} disabled={!ready} aria-describedby={`${id}-hint`} onChange={(event) => setInstruction(event.target.value)} />
        </div>
        <button type="submit" disabled={!ready || busy || !instruction.trim()}>
          {busy ? t('workflows.assistant.asking') : t('workflows.assistant.ask')}
        </button>
      </form>
      {reply ? (
        <div className="panel">
          <h3>{t('workflows.assistant.reply')}</h3>
          <p className="prewrap">{reply}</p>
        </div>
      ) : null}
      {waiting.length > 0 ? (
        <>
          <h3>{t('workflows.assistant.waitingTitle', { count: waiting.length })}</h3>
          {waiting.map((action) => (
            <ActionCard key={action.id} action={action} busy={busy} onDecide={(entry, decision) => void decide(entry, decision)} />
          ))}
        </>
      ) : null}
      {other.length > 0 ? (
        <details>
          <summary>{t('workflows.assistant.history', { count: other.length })}</summary>
          {other.map((action) => (
            <ActionCard key={action.id} action={action} busy={busy} onDecide={(entry, decision) => void decide(entry, decision)} />
          ))}
        </details>
      ) : null}
    </section>
  );
}
