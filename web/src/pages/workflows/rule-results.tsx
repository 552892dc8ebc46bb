import { useTranslation } from 'react-i18next';
import { pick, type Evaluation, type RuleResult } from './workflow-types';

function RuleState({ rule }: { rule: RuleResult }) {
  const { t } = useTranslation();
  // The word carries the meaning; the colour only repeats it.
  if (rule.passed === null) return <span className="rule-na">{t('workflows.rules.notApplicable')}</span>;
  return rule.passed ? (
    <span className="rule-passed">✓ {t('workflows.rules.passed')}</span>
  ) : (
    <span className="rule-failed">✗ {rule.severity === 'hint' ? t('workflows.rules.hint') : t('workflows.rules.failed')}</span>
  );
}

/** The expert rules' results with their explanations, and the computed amounts (DECIDE-1). */
export function RuleResults({ evaluation, headingLevel = 2, idPrefix }: { evaluation: Evaluation; headingLevel?: 2 | 3; idPrefix: string }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const failed = evaluation.rules.filter((rule) => rule.passed === false).length;
  return (
    <>
      <section aria-labelledby={`${idPrefix}-rules`}>
        <Heading id={`${idPrefix}-rules`}>{t('workflows.rules.title')}</Heading>
        <p>
          {t('workflows.rules.summary', { failed, total: evaluation.rules.length })} {t('workflows.rules.suggestion', { outcome: pick(evaluation.outcome.label, i18n.language) })}
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('workflows.rules.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workflows.rules.rule')}</th>
                <th scope="col">{t('workflows.rules.kindHeader')}</th>
                <th scope="col">{t('workflows.rules.result')}</th>
                <th scope="col">{t('workflows.rules.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.rules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">{pick(rule.label, i18n.language)}</th>
                  <td>{t(`workflows.rules.kind.${rule.kind}`)}</td>
                  <td>
                    <RuleState rule={rule} />
                  </td>
                  <td>
                    {pick(rule.explanation, i18n.language)}
                    {rule.error ? <span className="muted"> ({rule.error})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {evaluation.computed.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-computed`}>
          <Heading id={`${idPrefix}-computed`}>{t('workflows.rules.computed')}</Heading>
          <dl className="facts">
            {evaluation.computed.map((entry) => (
              <div key={entry.id} style={{ display: 'contents' }}>
                <dt>{pick(entry.label, i18n.language)}</dt>
                <dd>{pick(entry.display, i18n.language)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
