import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { RuleResults } from './rule-results';
import { displayValue, pick, type Explanation } from './workflow-types';
import './workflows.css';

/**
 * "Why was this decided" (DECIDE-1): inputs, the exact rule version, the model call with revision and
 * settings, draft against final text, who decided — and whether the stored rule version, run again on
 * the stored inputs, gives the same result.
 */
export default function WhyPage() {
  const { caseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error } = useResource<Explanation>(`/api/workflow-cases/${caseId}/explanation`);
  const yesNo: [string, string] = [t('app.yes'), t('app.no')];
  const title = data ? t('workflows.why.title', { reference: data.case.reference }) : t('workflows.why.titlePlain');
  const outcomeLabel = (id: string | null) => (id ? pick(data?.definition.outcomes.find((entry) => entry.id === id)?.label, i18n.language) || id : '–');

  return (
    <Page title={title} intro={t('workflows.why.intro')}>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <p>
            <Link to={`/vorgaenge/${data.case.id}`}>{t('workflows.why.back', { reference: data.case.reference })}</Link>
          </p>
          <section aria-labelledby="why-reproduction">
            <h2 id="why-reproduction">{t('workflows.why.reproduction')}</h2>
            {data.reproduction.identical ? (
              <Notice kind="success">{t('workflows.why.identical')}</Notice>
            ) : (
              <Notice kind="error">{t('workflows.why.different', { differences: data.reproduction.differences.join(', ') })}</Notice>
            )}
            {data.reproduction.promptIdentical !== null ? <p>{data.reproduction.promptIdentical ? t('workflows.why.promptIdentical') : t('workflows.why.promptDifferent')}</p> : null}
          </section>

          <section aria-labelledby="why-versions">
            <h2 id="why-versions">{t('workflows.why.versions')}</h2>
            <dl className="facts">
              <dt>{t('workflows.why.workflow')}</dt>
              <dd>
                {pick(data.definition.title, i18n.language)} ({data.definition.id})
              </dd>
              <dt>{t('workflows.why.ruleVersion')}</dt>
              <dd>
                {t('workflows.list.versionValue', { version: data.definition.version })}
                {data.definition.latestVersion !== data.definition.version ? ` (${t('workflows.case.newerVersion', { version: data.definition.latestVersion })})` : ''}
              </dd>
              <dt>{t('workflows.why.hash')}</dt>
              <dd>
                <code className="prewrap">{data.definition.hash}</code> ({data.definition.intact ? t('workflows.why.intact') : t('workflows.why.notIntact')})
              </dd>
              <dt>{t('workflows.why.model')}</dt>
              <dd>{data.draft.report ? t('workflows.case.modelValue', { model: data.draft.report.model, revision: data.draft.report.model_revision, provider: data.draft.report.provider }) : t('workflows.why.noDraft')}</dd>
              <dt>{t('workflows.why.settings')}</dt>
              <dd>
                {data.draft.request
                  ? Object.entries(data.draft.request.settings)
                      .map(([key, value]) => `${key}: ${String(value)}`)
                      .join(', ')
                  : '–'}
              </dd>
              <dt>{t('workflows.why.provenance')}</dt>
              <dd>{data.draft.report?.provenance_id ?? '–'}</dd>
              <dt>{t('workflows.why.riskClass')}</dt>
              <dd>
                {t(`workflows.risk.${data.risk.riskClass}`)} ({data.risk.source === 'register' ? t('workflows.list.riskFromRegister') : t('workflows.list.riskFromDefinition')})
                {data.risk.registerUseCaseId ? (
                  <>
                    {' · '}
                    <Link to={`/steuerung/ki-register/${data.risk.registerUseCaseId}`}>{t('workflows.why.registerEntry')}</Link>
                  </>
                ) : null}
              </dd>
            </dl>
          </section>

          <section aria-labelledby="why-decision">
            <h2 id="why-decision">{t('workflows.why.decision')}</h2>
            <dl className="facts">
              <dt>{t('workflows.why.suggested')}</dt>
              <dd>{outcomeLabel(data.decision.suggestedOutcome)}</dd>
              <dt>{t('workflows.why.decided')}</dt>
              <dd>
                {data.decision.decision ? `${t(`workflows.why.decisionValue.${data.decision.decision}`)}${data.decision.decidedOutcome ? ` – ${outcomeLabel(data.decision.decidedOutcome)}` : ''}` : t('workflows.why.open')}
              </dd>
              <dt>{t('workflows.why.decidedBy')}</dt>
              <dd>{data.decision.decidedBy ? `${data.decision.decidedBy}, ${formatDateTime(data.decision.decidedAt, i18n.language)}` : '–'}</dd>
              <dt>{t('workflows.why.note')}</dt>
              <dd>{data.decision.note ?? '–'}</dd>
              <dt>{t('workflows.why.sent')}</dt>
              <dd>{data.sent ? t('workflows.why.sentValue', { to: data.sent.to, at: formatDateTime(data.sent.at, i18n.language) }) : t('workflows.why.notSent')}</dd>
            </dl>
          </section>

          <section aria-labelledby="why-texts">
            <h2 id="why-texts">{t('workflows.why.texts')}</h2>
            <p>{data.decision.finalText === null ? t('workflows.why.noFinal') : data.decision.editedFromDraft ? t('workflows.why.edited') : t('workflows.why.unchanged')}</p>
            <h3>{t('workflows.why.draftText')}</h3>
            <div className="letter">{data.draft.text ?? '–'}</div>
            <h3>{t('workflows.why.finalText')}</h3>
            <div className="letter">{data.decision.finalText ?? '–'}</div>
          </section>

          <section aria-labelledby="why-input">
            <h2 id="why-input">{t('workflows.why.input')}</h2>
            <dl className="facts">
              {data.definition.fields.map((field) => (
                <div key={field.name} style={{ display: 'contents' }}>
                  <dt>{pick(field.label, i18n.language)}</dt>
                  <dd className="prewrap">{displayValue(field, data.input[field.name], i18n.language, yesNo)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <RuleResults evaluation={data.evaluation} idPrefix="why" />

          {data.draft.request ? (
            <section aria-labelledby="why-prompt">
              <h2 id="why-prompt">{t('workflows.why.prompt')}</h2>
              {data.draft.request.messages.map((message, index) => (
                <details key={index}>
                  <summary>{t('workflows.why.message', { role: message.role })}</summary>
                  <div className="letter">{message.content}</div>
                </details>
              ))}
            </section>
          ) : null}

          <section aria-labelledby="why-history">
            <h2 id="why-history">{t('workflows.case.history')}</h2>
            <ol>
              {data.events.map((event) => (
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
