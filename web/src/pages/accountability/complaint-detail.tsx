import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { formatDateTime } from '../../i18n';
import { DeadlineClock, formatBytes, pick, TextAreaField } from './accountability-shared';
import { complaintOutcomes, complaintStatuses, type ComplaintDetail } from './complaint-types';

/** A complaint: what was written, the clocks, and the work on it (status with a message to the complainant, assignment, notes). */
export function ComplaintDetailPanel({ orgId, complaint, onChanged }: { orgId: string; complaint: ComplaintDetail; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const nextStatuses = complaintStatuses.filter((status) => status !== 'received' && status !== complaint.status);
  const [change, setChange] = useState({ status: nextStatuses[0] ?? 'in_progress', message: '', outcome: '', internalNote: '' });
  const [assignee, setAssignee] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const url = `/api/orgs/${orgId}/complaints/${complaint.id}`;

  async function run(event: FormEvent, path: string, body: unknown, message: string) {
    event.preventDefault();
    setError(undefined);
    try {
      await api(`${url}/${path}`, { method: 'POST', body });
      onChanged(message);
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <section className="panel" aria-labelledby="complaint-detail">
      <h2 id="complaint-detail">{t('accountability.complaints.detailTitle', { number: complaint.caseNumber, subject: complaint.subject })}</h2>
      <ErrorNotice error={error} />
      <dl className="facts">
        <dt>{t('accountability.complaints.status')}</dt>
        <dd>
          {t(`accountability.complaintStatus.${complaint.status}`)}
          {complaint.outcome ? ` – ${t(`accountability.outcome.${complaint.outcome}`)}` : ''}
        </dd>
        <dt>{t('accountability.complaints.category')}</dt>
        <dd>{t(`accountability.complaintCategory.${complaint.category}`)}</dd>
        <dt>{t('accountability.complaints.description')}</dt>
        <dd className="acc-message">{complaint.description}</dd>
        <dt>{t('accountability.complaints.contact')}</dt>
        <dd>{[complaint.contactName, complaint.contactEmail].filter(Boolean).join(', ') || t('accountability.complaints.anonymous')}</dd>
        <dt>{t('accountability.complaints.acknowledgeClock')}</dt>
        <dd>
          <DeadlineClock clock={complaint.clocks.acknowledge} />
        </dd>
        <dt>{t('accountability.complaints.decisionClock')}</dt>
        <dd>
          <DeadlineClock clock={complaint.clocks.decision} /> ({t(`accountability.dayCount.${complaint.clocks.dayCount}`)})
        </dd>
        <dt>{t('accountability.complaints.assignee')}</dt>
        <dd>{complaint.assigneeLabel ?? t('accountability.complaints.unassigned')}</dd>
        <dt>{t('accountability.complaints.files')}</dt>
        <dd>
          {complaint.attachments.length === 0 ? '–' : null}
          {complaint.attachments.map((file) => (
            <span key={file.id}>
              <a href={`${url}/attachments/${file.id}`}>{file.fileName}</a> ({formatBytes(file.sizeBytes, i18n.language)}){' '}
            </span>
          ))}
        </dd>
      </dl>

      <div className="panel">
        <h3>{t('accountability.complaints.changeTitle')}</h3>
        <form onSubmit={(event) => void run(event, 'status', { status: change.status, message: change.message, ...(change.status === 'decided' ? { outcome: change.outcome || undefined } : {}), internalNote: change.internalNote }, t('accountability.complaints.changed'))}>
          <SelectField label={t('accountability.complaints.newStatus')} value={change.status} onChange={(event) => setChange({ ...change, status: event.target.value as typeof change.status })}>
            {nextStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`accountability.complaintStatus.${status}`)}
              </option>
            ))}
          </SelectField>
          {change.status === 'decided' ? (
            <SelectField label={t('accountability.complaints.outcome')} value={change.outcome} onChange={(event) => setChange({ ...change, outcome: event.target.value })} error={fieldErrors.outcome}>
              <option value="">{t('accountability.complaints.chooseOutcome')}</option>
              {complaintOutcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`accountability.outcome.${outcome}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextAreaField label={t('accountability.complaints.message')} hint={t('accountability.complaints.messageHint')} required value={change.message} onChange={(event) => setChange({ ...change, message: event.target.value })} error={fieldErrors.message} />
          <TextAreaField label={t('accountability.complaints.internalNote')} hint={t('accountability.complaints.internalNoteHint')} value={change.internalNote} onChange={(event) => setChange({ ...change, internalNote: event.target.value })} />
          <button type="submit" className="primary">
            {t('accountability.complaints.change')}
          </button>
        </form>
      </div>

      <div className="button-row">
        <form onSubmit={(event) => void run(event, 'assign', { assigneeEmail: assignee.trim() || null }, t('accountability.complaints.assigned'))}>
          <h3>{t('accountability.complaints.assignTitle')}</h3>
          <TextField label={t('accountability.complaints.assigneeEmail')} hint={t('accountability.complaints.assigneeHint')} type="email" value={assignee} onChange={(event) => setAssignee(event.target.value)} error={fieldErrors.assigneeEmail} />
          <button type="submit">{t('accountability.complaints.assign')}</button>
        </form>
        <form onSubmit={(event) => void run(event, 'notes', { note }, t('accountability.complaints.noted'))}>
          <h3>{t('accountability.complaints.noteTitle')}</h3>
          <TextAreaField label={t('accountability.complaints.note')} required value={note} onChange={(event) => setNote(event.target.value)} />
          <button type="submit">{t('accountability.complaints.addNote')}</button>
        </form>
      </div>

      <h3>{t('accountability.complaints.history')}</h3>
      <ol className="acc-timeline">
        {complaint.events.map((entry) => (
          <li key={entry.id}>
            <span className="muted">
              {formatDateTime(entry.at, i18n.language)} · {entry.actorLabel} · {t(`accountability.complaintEvent.${entry.kind}`, { defaultValue: entry.kind })}
              {entry.status ? ` · ${t(`accountability.complaintStatus.${entry.status}`)}` : ''}
            </span>
            {entry.publicMessage ? (
              <p className="acc-message">
                <strong>{t('accountability.complaints.toComplainant')}</strong> {pick(entry.publicMessage, i18n.language)}
              </p>
            ) : null}
            {entry.internalNote ? (
              <p className="acc-message">
                <strong>{t('accountability.complaints.internal')}</strong> {entry.internalNote}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
