import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { AssistantPanel } from './assistant-panel';
import { DecisionPanel } from './decision-panel';
import { RuleResults } from './rule-results';
import { displayValue, pick, type CaseView } from './workflow-types';
import './workflows.css';

/** One case for the case worker: the form as submitted, the rules' results, the draft and the decision, the assistant. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { data, error, reload } = useResource<CaseView>(`/api/workflow-cases/${caseId}`);
  // A change answered by the API replaces the loaded case until the next load.
  const [changed, setChanged] = useState<{ from: CaseView | undefined; value: CaseView }>();
  const [status, setStatus] = useState<string>((location.state as { submitted?: boolean } | null)?.submitted ? t('workflows.case.submitted') : '');
  const yesNo: [string, string] = [t('app.yes'), t('app.no')];

  const current = changed && changed.from === data ? changed.value : data;
  const title = current ? t('workflows.case.title', { reference: current.reference }) : t('workflows.case.titlePlain');
  return (
    <Page title={title} intro={current ? `${current.title} · ${pick(current.workflow.title, i18n.language)}` : undefined}>
      {/* Polite status region: every step (saved, approved, sent, action confirmed) is announced once. */}
      <div role="status" aria-live="polite" className={status ? 'notice notice-success' : undefined}>
        {status}
      </div>
      <ErrorNotice error={error} />
      {current ? (
        <>
          <dl className="facts">
            <dt>{t('workflows.case.status')}</dt>
            <dd>
              <span className="badge">{t(`workflows.status.${current.status}`)}</span>
            </dd>
            <dt>{t('workflows.case.workflowVersion')}</dt>
            <dd>
              {t('workflows.list.versionValue', { version: current.definitionVersion })}
              {current.workflow.latestVersion !== current.definitionVersion ? ` (${t('workflows.case.newerVersion', { version: current.workflow.latestVersion })})` : ''}
            </dd>
            <dt>{t('workflows.case.riskClass')}</dt>
            <dd>
              {t(`workflows.risk.${current.riskClass}`)} ({current.riskClassSource === 'register' ? t('workflows.list.riskFromRegister') : t('workflows.list.riskFromDefinition')})
            </dd>
            <dt>{t('workflows.case.submittedBy')}</dt>
            <dd>
              {current.submittedBy}, {formatDateTime(current.submittedAt, i18n.language)}
            </dd>
            {current.draftReport ? (
              <>
                <dt>{t('workflows.case.model')}</dt>
                <dd>{t('workflows.case.modelValue', { model: current.draftReport.model, revision: current.draftReport.model_revision, provider: current.draftReport.provider })}</dd>
              </>
            ) : null}
          </dl>
          <p>
            <Link to={`/vorgaenge/${current.id}/warum`}>{t('workflows.case.whyLink')}</Link>
          </p>
          <details>
            <summary>{t('workflows.case.input')}</summary>
            <dl className="facts">
              {current.workflow.fields.map((field) => (
                <div key={field.name} style={{ display: 'contents' }}>
                  <dt>{pick(field.label, i18n.language)}</dt>
                  <dd className="prewrap">{displayValue(field, current.input[field.name], i18n.language, yesNo)}</dd>
                </div>
              ))}
            </dl>
          </details>
          <RuleResults evaluation={current.evaluation} idPrefix="case" />
          <DecisionPanel
            key={current.updatedAt}
            item={current}
            onChange={(next, message) => {
              setChanged({ from: data, value: next });
              setStatus(message);
            }}
          />
          {current.workflow.hasAgent ? (
            <AssistantPanel
              item={current}
              onChange={(message) => {
                if (message) setStatus(message);
                reload();
              }}
            />
          ) : null}
          <section aria-labelledby="case-history">
            <h2 id="case-history">{t('workflows.case.history')}</h2>
            <ol>
              {current.events.map((event) => (
                <li key={event.id}>
                  {formatDateTime(event.occurredAt, i18n.language)}: {t(`workflows.event.${event.type}`, { defaultValue: event.type })} – {event.actor}
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </Page>
  );
}
