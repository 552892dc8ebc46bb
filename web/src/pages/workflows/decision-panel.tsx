import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { SelectField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { formatDateTime } from '../../i18n';
import { pick, type CaseView } from './workflow-types';

/**
 * The case worker's part (DECIDE-2): edit the draft, then approve or reject it; send only an approved
 * text. A button that is not available says why next to it. The parent keys it by the case's
 * `updatedAt`, so a changed case starts the editor from its stored text.
 */
export function DecisionPanel({ item, onChange }: { item: CaseView; onChange(next: CaseView, message: string): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(item.workingText ?? '');
  const [outcome, setOutcome] = useState(item.decidedOutcome ?? item.suggestedOutcome);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const open = item.allowed.work;
  const roles = item.workflow.approvalRoles.map((role) => t(`workflows.role.${role}`)).join(', ');
  const decideReason = !open ? t('workflows.decision.closed') : !item.allowed.approve ? t('workflows.decision.noRole', { roles }) : null;
  const sendReason =
    item.status === 'sent'
      ? t('workflows.decision.alreadySent', { to: item.sentTo, at: formatDateTime(item.sentAt, i18n.language) })
      : item.status !== 'approved'
        ? t('workflows.decision.sendNeedsApproval')
        : !item.workflow.recipientField
          ? t('workflows.decision.noRecipient')
          : null;
  const departs = outcome !== item.suggestedOutcome;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};

  async function act(path: string, body: unknown, method: string, message: string) {
    setError(undefined);
    setBusy(true);
    try {
      const next = await api<CaseView>(`/api/workflow-cases/${item.id}/${path}`, { method, ...(body !== undefined ? { body } : {}) });
      onChange(next, message);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="decision-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('workflows.decision.title')}</h2>
      {item.workflow.approvalNote ? <p>{pick(item.workflow.approvalNote, i18n.language)}</p> : null}
      {item.draftError ? <Notice kind="error">{t('workflows.decision.draftFailed', { detail: pick(item.draftError, i18n.language) })}</Notice> : null}
      {item.status === 'draft_pending' ? <Notice kind="info">{t('workflows.decision.draftPending')}</Notice> : null}
      <ErrorNotice error={error} />
      <div className="field">
        <label htmlFor={`${id}-text`}>{open ? t('workflows.decision.editor') : t('workflows.decision.finalText')}</label>
        <p id={`${id}-text-hint`} className="hint">
          {open ? t('workflows.decision.editorHint') : t('workflows.decision.finalHint')}
        </p>
        <textarea
          id={`${id}-text`}
          className="case-editor"
          value={text}
          readOnly={!open}
          aria-describedby={`${id}-text-hint${fieldErrors.text ? ` ${id}-text-error` : ''}`}
          aria-invalid={fieldErrors.text ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {fieldErrors.text ? (
          <p id={`${id}-text-error`} className="field-error">
            {fieldErrors.text}
          </p>
        ) : null}
      </div>
      {open ? (
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => void act('text', { text }, 'PUT', t('workflows.decision.saved'))}>
            {t('workflows.decision.save')}
          </button>
          <button type="button" disabled={busy} onClick={() => void act('draft', {}, 'POST', t('workflows.decision.redrafted'))}>
            {t('workflows.decision.redraft')}
          </button>
        </div>
      ) : null}

      {open ? (
        <>
          <SelectField label={t('workflows.decision.outcome')} hint={t('workflows.decision.outcomeHint', { outcome: pick(item.evaluation.outcome.label, i18n.language) })} value={outcome} error={fieldErrors.outcome} onChange={(event) => setOutcome(event.target.value)}>
            {item.workflow.outcomes.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {pick(entry.label, i18n.language)}
                {entry.id === item.suggestedOutcome ? ` (${t('workflows.decision.suggested')})` : ''}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor={`${id}-note`}>
              {t('workflows.decision.note')}
              {departs ? <span className="required"> ({t('app.required')})</span> : null}
            </label>
            <p id={`${id}-note-hint`} className="hint">
              {t('workflows.decision.noteHint')}
            </p>
            <textarea id={`${id}-note`} rows={3} value={note} aria-invalid={fieldErrors.note ? true : undefined} aria-describedby={`${id}-note-hint${fieldErrors.note ? ` ${id}-note-error` : ''}`} onChange={(event) => setNote(event.target.value)} />
            {fieldErrors.note ? (
              <p id={`${id}-note-error`} className="field-error">
                {fieldErrors.note}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <p>
          {item.decision === 'approved'
            ? t('workflows.decision.approvedBy', { by: item.decidedBy, at: formatDateTime(item.decidedAt, i18n.language), outcome: pick(item.workflow.outcomes.find((entry) => entry.id === item.decidedOutcome)?.label, i18n.language) })
            : item.decision === 'rejected'
              ? t('workflows.decision.rejectedBy', { by: item.decidedBy, at: formatDateTime(item.decidedAt, i18n.language) })
              : null}
          {item.decisionNote ? ` ${t('workflows.decision.noteValue', { note: item.decisionNote })}` : null}
        </p>
      )}

      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy || decideReason !== null}
          aria-describedby={decideReason ? `${id}-decide-reason` : undefined}
          onClick={() => void act('approve', { text, outcome, ...(note.trim() ? { note } : {}) }, 'POST', t('workflows.decision.approved'))}
        >
          {t('workflows.decision.approve')}
        </button>
        <button
          type="button"
          disabled={busy || decideReason !== null}
          aria-describedby={decideReason ? `${id}-decide-reason` : undefined}
          onClick={() => void act('reject', { note }, 'POST', t('workflows.decision.rejected'))}
        >
          {t('workflows.decision.reject')}
        </button>
        <button
          type="button"
          disabled={busy || sendReason !== null}
          aria-describedby={sendReason ? `${id}-send-reason` : undefined}
          onClick={() => void act('send', undefined, 'POST', t('workflows.decision.sent'))}
        >
          {t('workflows.decision.send')}
        </button>
      </div>
      {decideReason ? (
        <p id={`${id}-decide-reason`} className="unavailable">
          {t('workflows.decision.whyNotDecide', { reason: decideReason })}
        </p>
      ) : null}
      {sendReason ? (
        <p id={`${id}-send-reason`} className="unavailable">
          {t('workflows.decision.whyNotSend', { reason: sendReason })}
        </p>
      ) : null}
    </section>
  );
}
