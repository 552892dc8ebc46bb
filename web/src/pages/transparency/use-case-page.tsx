import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { AssessmentView } from './assessment-view';
import { RiskBadge, StatusText } from './badges';
import { ParticipationPanel } from './participation-panel';
import { RiskWizard } from './risk-wizard';
import { UseCaseForm } from './use-case-form';
import { useCaseStatuses, type Assessment, type UseCaseDetail } from './transparency-types';
import './transparency.css';

type StoredAssessment = { id: string; version: number; questionnaireVersion: string; answers: Record<string, string | string[]>; result: Assessment & { blocksGoLive: boolean }; createdBy: string; createdAt: string };

const managers = ['staff', 'dpo', 'admin'] as const;
const noAnswers = {};

/** One register entry for signed-in people: status, AI-Act wizard and its versions, participation, all fields. */
export default function UseCasePage() {
  const { useCaseId } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { effectiveRoles } = useSession();
  const canManage = managers.some((role) => effectiveRoles.has(role));
  const { data, error, reload } = useResource<UseCaseDetail>(`/api/transparency/use-cases/${useCaseId}`);
  const assessments = useResource<StoredAssessment[]>(`/api/transparency/use-cases/${useCaseId}/assessments`);
  const [status, setStatus] = useState('');
  const [statusError, setStatusError] = useState<unknown>();
  const [statusDone, setStatusDone] = useState<string>();
  const [wizard, setWizard] = useState<'closed' | 'new' | 'revise'>('closed');

  if (error) return <ErrorNotice error={error} />;
  if (!data) return <p role="status">{t('app.loading')}</p>;
  const entry = data;
  const latest = assessments.data?.at(-1);

  async function changeStatus() {
    setStatusError(undefined);
    setStatusDone(undefined);
    try {
      const next = await api<UseCaseDetail>(`/api/transparency/use-cases/${entry.id}/status`, { method: 'POST', body: { status: status || entry.status, expectedVersion: entry.version } });
      setStatusDone(t('transparency.status.changed', { status: t(`transparency.status.${next.status}`) }));
      reload();
    } catch (reason) {
      setStatusError(reason);
    }
  }

  async function remove() {
    setStatusError(undefined);
    try {
      await api(`/api/transparency/use-cases/${entry.id}`, { method: 'DELETE' });
      void navigate('/steuerung/ki-register');
    } catch (reason) {
      setStatusError(reason);
    }
  }

  return (
    <Page title={entry.name} intro={entry.summary}>
      <p>
        <Link to="/steuerung/ki-register">{t('transparency.internal.back')}</Link>
        {entry.published ? (
          <>
            {' · '}
            <Link to={`/transparenz/register/${entry.id}`}>{t('transparency.internal.publicPage')}</Link>
          </>
        ) : null}
      </p>
      <dl className="facts">
        <dt>{t('transparency.field.organisation')}</dt>
        <dd>{entry.organisation}</dd>
        <dt>{t('transparency.field.status')}</dt>
        <dd>
          <StatusText status={entry.status} />
        </dd>
        <dt>{t('transparency.field.risk')}</dt>
        <dd>
          <RiskBadge riskClass={entry.risk?.riskClass} />
          {entry.riskVersion ? <span className="muted"> {t('transparency.internal.riskVersion', { version: entry.riskVersion })}</span> : null}
        </dd>
        <dt>{t('transparency.field.published')}</dt>
        <dd>{entry.published ? t('app.yes') : t('app.no')}</dd>
        <dt>{t('transparency.field.updatedAt')}</dt>
        <dd>{formatDateTime(entry.updatedAt, i18n.language)}</dd>
      </dl>

      <section aria-labelledby="tp-status" className="tp-section">
        <h2 id="tp-status">{t('transparency.status.heading')}</h2>
        {entry.blocksGoLive ? (
          <Notice kind="error">
            <p>{t('transparency.status.blocked')}</p>
          </Notice>
        ) : !entry.risk ? (
          <Notice kind="info">
            <p>{t('transparency.status.needsAssessment')}</p>
          </Notice>
        ) : null}
        <ErrorNotice error={statusError} />
        {statusDone ? <Notice kind="success">{statusDone}</Notice> : null}
        {canManage ? (
          <div className="filters">
            <SelectField label={t('transparency.status.new')} value={status || entry.status} onChange={(event) => setStatus(event.target.value)}>
              {useCaseStatuses.map((value) => (
                <option key={value} value={value}>
                  {t(`transparency.status.${value}`)}
                </option>
              ))}
            </SelectField>
            <button type="button" className="primary" onClick={() => void changeStatus()}>
              {t('transparency.status.apply')}
            </button>
            {entry.status === 'planned' && !entry.startedOn ? (
              <button type="button" onClick={() => void remove()}>
                {t('transparency.internal.delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="tp-risk" className="tp-section">
        <h2 id="tp-risk">{t('transparency.wizard.heading')}</h2>
        <p>{t('transparency.wizard.intro')}</p>
        {latest && wizard === 'closed' ? (
          <>
            <p className="muted">{t('transparency.wizard.latest', { version: latest.version, date: formatDateTime(latest.createdAt, i18n.language), by: latest.createdBy })}</p>
            <AssessmentView assessment={latest.result} />
          </>
        ) : null}
        {canManage && wizard === 'closed' ? (
          <div className="button-row">
            <button type="button" className="primary" onClick={() => setWizard('new')}>
              {t('transparency.wizard.start')}
            </button>
            {latest ? (
              <button type="button" onClick={() => setWizard('revise')}>
                {t('transparency.wizard.revise')}
              </button>
            ) : null}
          </div>
        ) : null}
        {wizard !== 'closed' ? (
          <RiskWizard
            useCaseId={entry.id}
            initialAnswers={wizard === 'revise' && latest ? latest.answers : noAnswers}
            onSaved={() => {
              setWizard('closed');
              reload();
              assessments.reload();
            }}
          />
        ) : null}
        {assessments.data && assessments.data.length > 0 ? (
          <details>
            <summary>{t('transparency.wizard.history', { count: assessments.data.length })}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.wizard.version')}</th>
                  <th scope="col">{t('transparency.wizard.date')}</th>
                  <th scope="col">{t('transparency.wizard.by')}</th>
                  <th scope="col">{t('transparency.field.risk')}</th>
                  <th scope="col">{t('transparency.wizard.goLive')}</th>
                </tr>
              </thead>
              <tbody>
                {[...assessments.data].reverse().map((stored) => (
                  <tr key={stored.id}>
                    <th scope="row">{stored.version}</th>
                    <td>{formatDate(stored.createdAt, i18n.language)}</td>
                    <td>{stored.createdBy}</td>
                    <td>
                      <RiskBadge riskClass={stored.result.riskClass} />
                    </td>
                    <td>{stored.result.blocksGoLive ? t('transparency.wizard.blocked') : t('transparency.wizard.allowed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="tp-participation" className="tp-section">
        <h2 id="tp-participation">{t('transparency.participation.heading')}</h2>
        <p>{t('transparency.participation.intro')}</p>
        <ParticipationPanel useCaseId={entry.id} status={entry.status} canManage={canManage} />
      </section>

      {canManage ? (
        <section aria-labelledby="tp-fields" className="tp-section">
          <h2 id="tp-fields">{t('transparency.form.heading')}</h2>
          <UseCaseForm entry={entry} onSaved={() => reload()} />
        </section>
      ) : null}
    </Page>
  );
}
