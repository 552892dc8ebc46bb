import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { pick, type WorkflowSummary } from './workflow-types';
import './workflows.css';

/** The workflows of the organisation: definition, version, approval role, and their entry in the AI register (OPEN-2). */
export default function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const { data, error: loadError, reload } = useResource<WorkflowSummary[]>(currentOrg ? `/api/orgs/${currentOrg.id}/workflows` : undefined);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const isAdmin = effectiveRoles.has('admin');
  if (!currentOrg) return null;

  async function register(workflow: WorkflowSummary) {
    setError(undefined);
    setNotice(undefined);
    try {
      await api(`/api/orgs/${currentOrg!.id}/workflows/${workflow.id}/register`, { method: 'POST' });
      setNotice(t('workflows.list.registered', { title: pick(workflow.title, i18n.language) }));
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <Page title={t('workflows.list.title')} intro={t('workflows.list.intro')}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? loadError} />
      {data?.length === 0 ? <p>{t('workflows.list.empty')}</p> : null}
      {data?.map((workflow) => {
        const title = pick(workflow.title, i18n.language);
        const entry = workflow.register.entry;
        return (
          <section key={workflow.id} className="workflow-card" aria-labelledby={`wf-${workflow.id}`}>
            <h2 id={`wf-${workflow.id}`}>{title}</h2>
            <p>{pick(workflow.description, i18n.language)}</p>
            <dl className="facts">
              <dt>{t('workflows.list.version')}</dt>
              <dd>
                {t('workflows.list.versionValue', { version: workflow.version })}{' '}
                <span className="muted">({t('workflows.list.hash', { hash: workflow.hash.slice(0, 12) })})</span>
              </dd>
              <dt>{t('workflows.list.kind')}</dt>
              <dd>{t(`workflows.kind.${workflow.kind}`)}</dd>
              <dt>{t('workflows.list.model')}</dt>
              <dd>{workflow.model}</dd>
              <dt>{t('workflows.list.approval')}</dt>
              <dd>{workflow.approvalRoles.map((role) => t(`workflows.role.${role}`)).join(', ')}</dd>
              <dt>{t('workflows.list.riskClass')}</dt>
              <dd>
                {t(`workflows.risk.${entry?.riskClass ?? workflow.useCase.riskClass}`)}{' '}
                <span className="muted">({entry?.riskClass ? t('workflows.list.riskFromRegister') : t('workflows.list.riskFromDefinition')})</span>
              </dd>
              <dt>{t('workflows.list.register')}</dt>
              <dd>
                {entry ? (
                  <Link to={`/steuerung/ki-register/${entry.id}`}>{t('workflows.list.registerEntry', { name: pick(workflow.useCase.name, i18n.language) })}</Link>
                ) : workflow.register.connected ? (
                  t('workflows.list.notRegistered')
                ) : (
                  t('workflows.list.registerUnavailable')
                )}
              </dd>
            </dl>
            <details>
              <summary>{t('workflows.list.riskReason')}</summary>
              <p>{pick(workflow.useCase.riskReason, i18n.language)}</p>
              <p>{pick(workflow.useCase.humanOversight, i18n.language)}</p>
            </details>
            <div className="button-row">
              <Link className="button primary" to={`/vorgaenge/neu/${workflow.id}`}>
                {t('workflows.list.newCase')}
                <span className="visually-hidden">: {title}</span>
              </Link>
              <Link className="button" to={`/vorgaenge?workflow=${workflow.id}`}>
                {t('workflows.list.cases')}
                <span className="visually-hidden">: {title}</span>
              </Link>
              {isAdmin && !entry && workflow.register.connected ? (
                <button type="button" onClick={() => void register(workflow)}>
                  {t('workflows.list.registerAction')}
                  <span className="visually-hidden">: {title}</span>
                </button>
              ) : null}
            </div>
          </section>
        );
      })}
    </Page>
  );
}
