import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, Notice } from '../../components/notice';
import { formatDate, formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { TextAreaField } from './accountability-shared';
import type { ExceptionRow } from './exception-types';

/**
 * One exception: its facts, and the decision under the four-eyes rule. Whoever requested it, or is
 * one of the people it is for, sees why they cannot decide it; the server enforces the same rule.
 */
export function ExceptionDetail({ orgId, row, mayApprove, onChanged }: { orgId: string; row: ExceptionRow; mayApprove: boolean; onChanged(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [conditions, setConditions] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const userId = session?.user?.id;
  const isRequester = !!userId && row.requesterUserId === userId;
  const isBeneficiary = !!userId && row.personIds.includes(userId);
  const pending = row.state === 'requested';
  const inForce = row.state === 'active' || row.state === 'scheduled';

  async function run(event: FormEvent, path: string, body: unknown, message: string) {
    event.preventDefault();
    setError(undefined);
    try {
      await api(`/api/orgs/${orgId}/exceptions/${row.id}/${path}`, { method: 'POST', body });
      onChanged(message);
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <section className="panel" aria-labelledby="exception-detail">
      <h2 id="exception-detail">{t('accountability.exceptions.detailTitle', { number: row.number, platform: row.platform })}</h2>
      <ErrorNotice error={error} />
      <dl className="facts">
        <dt>{t('accountability.exceptions.state')}</dt>
        <dd>{t(`accountability.exceptions.states.${row.state}`)}</dd>
        <dt>{t('accountability.exceptions.requester')}</dt>
        <dd>{row.requesterLabel}</dd>
        <dt>{t('accountability.exceptions.model')}</dt>
        <dd>{row.modelId ?? '–'}</dd>
        <dt>{t('accountability.exceptions.useCase')}</dt>
        <dd>{row.useCase}</dd>
        <dt>{t('accountability.exceptions.category')}</dt>
        <dd>{t(`accountability.exceptions.categories.${row.category}`)}</dd>
        <dt>{t('accountability.exceptions.justification')}</dt>
        <dd className="acc-message">{row.justification}</dd>
        <dt>{t('accountability.exceptions.dataClasses')}</dt>
        <dd>{row.dataClasses.map((value) => t(`accountability.dataClasses.${value}`)).join(', ')}</dd>
        <dt>{t('accountability.exceptions.scope')}</dt>
        <dd>
          {[row.personIds.length > 0 ? t('accountability.exceptions.peopleCount', { count: row.personIds.length }) : '', ...row.roles.map((role) => t(`roles.${role}`))].filter(Boolean).join(', ')}
        </dd>
        <dt>{t('accountability.exceptions.period')}</dt>
        <dd>{t('accountability.exceptions.periodValue', { from: formatDate(row.startsAt, i18n.language), to: formatDate(row.expiresAt, i18n.language) })}</dd>
        {row.decidedByLabel ? (
          <>
            <dt>{t('accountability.exceptions.decidedBy')}</dt>
            <dd>
              {row.decidedByLabel}, {formatDateTime(row.decidedAt, i18n.language)}
            </dd>
          </>
        ) : null}
        {row.conditions ? (
          <>
            <dt>{t('accountability.exceptions.conditions')}</dt>
            <dd className="acc-message">{row.conditions}</dd>
          </>
        ) : null}
        {row.decisionNote ? (
          <>
            <dt>{t('accountability.exceptions.decisionNote')}</dt>
            <dd className="acc-message">{row.decisionNote}</dd>
          </>
        ) : null}
        {row.endReason ? (
          <>
            <dt>{t('accountability.exceptions.endReason')}</dt>
            <dd>
              {row.endReason} ({row.endedByLabel})
            </dd>
          </>
        ) : null}
      </dl>

      {pending && mayApprove && (isRequester || isBeneficiary) ? (
        <Notice kind="info">{isRequester ? t('accountability.exceptions.fourEyesOwn') : t('accountability.exceptions.fourEyesBeneficiary')}</Notice>
      ) : null}

      {pending && mayApprove && !isRequester && !isBeneficiary ? (
        <div className="button-row">
          <form onSubmit={(event) => void run(event, 'approve', { conditions, note: '' }, t('accountability.exceptions.approved', { number: row.number }))}>
            <h3>{t('accountability.exceptions.approveTitle')}</h3>
            <TextAreaField label={t('accountability.exceptions.conditions')} hint={t('accountability.exceptions.conditionsHint')} value={conditions} onChange={(event) => setConditions(event.target.value)} />
            <button type="submit" className="primary">
              {t('accountability.exceptions.approve')}
            </button>
          </form>
          <form onSubmit={(event) => void run(event, 'reject', { note }, t('accountability.exceptions.rejected', { number: row.number }))}>
            <h3>{t('accountability.exceptions.rejectTitle')}</h3>
            <TextAreaField label={t('accountability.exceptions.rejectNote')} required value={note} onChange={(event) => setNote(event.target.value)} />
            <button type="submit">{t('accountability.exceptions.reject')}</button>
          </form>
        </div>
      ) : null}

      {(inForce && (mayApprove || isRequester)) || (pending && isRequester) ? (
        <form onSubmit={(event) => void run(event, 'end', { reason }, t('accountability.exceptions.ended', { number: row.number }))}>
          <h3>{pending ? t('accountability.exceptions.withdrawTitle') : t('accountability.exceptions.revokeTitle')}</h3>
          <TextAreaField label={t('accountability.exceptions.endReason')} required value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="submit">{pending ? t('accountability.exceptions.withdraw') : t('accountability.exceptions.revoke')}</button>
        </form>
      ) : null}
    </section>
  );
}
