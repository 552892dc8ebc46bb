import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n';
import { StatusBadge } from '../registry/status-badge';
import { localized, type EvaluationReport } from './evaluation-types';
import { ExampleFailures } from './example-failures';
import { ResultBadge } from './run-progress';
import { ScoreChart } from './score-chart';

/** The report of a completed run (issue 5, items 5 and 7): chart and table, thresholds, examples, history, exports. */
export function ReportView({ report }: { report: EvaluationReport }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined ? '–' : formatNumber(value, i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const { run, consequence } = report;
  const exportBase = `/api/evaluation/runs/${run.id}/export`;
  const changed = consequence && consequence.action !== 'none' && consequence.statusBefore !== consequence.statusAfter;

  return (
    <>
      <section aria-labelledby="report-summary">
        <h2 id="report-summary">{t('evaluation.report.summary')}</h2>
        <dl className="facts">
          <dt>{t('evaluation.report.result')}</dt>
          <dd>
            <ResultBadge passed={report.passed} />
          </dd>
          <dt>{t('evaluation.report.model')}</dt>
          <dd>
            <Link to={`/register/modelle/${run.modelId}`}>{run.modelId}</Link> ({t('evaluation.report.revision')} <code>{run.modelRevision}</code>)
          </dd>
          <dt>{t('evaluation.report.consequence')}</dt>
          <dd>
            {changed ? (
              <>
                {consequence.statusBefore ? <StatusBadge status={consequence.statusBefore} /> : '–'} → {consequence.statusAfter ? <StatusBadge status={consequence.statusAfter} /> : '–'}
              </>
            ) : consequence && consequence.action === 'unchanged' ? (
              t('evaluation.report.consequenceUnchanged', { status: t(`registry.status.${consequence.statusAfter ?? 'under_review'}`) })
            ) : (
              t('evaluation.report.consequenceNone')
            )}
          </dd>
          <dt>{t('evaluation.report.finished')}</dt>
          <dd>{formatDateTime(run.finishedAt, i18n.language)}</dd>
          <dt>{t('evaluation.report.items')}</dt>
          <dd>{t('evaluation.report.itemsValue', { items: run.itemCount, prompts: run.promptCount })}</dd>
          <dt>{t('evaluation.report.settings')}</dt>
          <dd>
            temperature {run.settings.temperature}, seed {run.settings.seed}, max_tokens {run.settings.maxTokens}
          </dd>
          <dt>{t('evaluation.report.checksum')}</dt>
          <dd>
            <code className="diff">{run.itemsHash}</code>
          </dd>
        </dl>
        <h3>{t('evaluation.report.exports')}</h3>
        <ul className="evaluation-exports">
          <li>
            <a href={`${exportBase}/json`} download>
              {t('evaluation.report.exportJson')}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/csv`} download>
              {t('evaluation.report.exportCsv')}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/html`} target="_blank" rel="noopener">
              {t('evaluation.report.exportHtml')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="report-scores">
        <h2 id="report-scores">{t('evaluation.report.scores')}</h2>
        <ScoreChart categories={report.categories} />
        <div className="table-wrap">
          <table>
            <caption>{t('evaluation.report.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.report.category')}</th>
                <th scope="col">{t('evaluation.report.score')}</th>
                <th scope="col">{t('evaluation.report.interval')}</th>
                <th scope="col">{t('evaluation.report.n')}</th>
                <th scope="col">{t('evaluation.report.threshold')}</th>
                <th scope="col">{t('evaluation.report.outcome')}</th>
                <th scope="col">{t('evaluation.report.reasons')}</th>
                <th scope="col">{t('evaluation.report.previous')}</th>
              </tr>
            </thead>
            <tbody>
              {report.categories.map((category) => (
                <tr key={category.category} className={category.thresholdPassed ? undefined : 'evaluation-failed-row'}>
                  <th scope="row">{localized(category.label, i18n.language)}</th>
                  <td>
                    {number(category.score)}
                    <span className="muted"> ({t(`evaluation.statistic.${category.statistic}`)})</span>
                  </td>
                  <td>
                    {number(category.interval.low)} – {number(category.interval.high)}
                  </td>
                  <td>{category.n}</td>
                  <td>
                    {category.threshold
                      ? `≥ ${number(category.threshold.minScore)}${category.threshold.maxAbsBbqBias !== undefined ? `, |BBQ| ≤ ${number(category.threshold.maxAbsBbqBias)}` : ''}`
                      : '–'}
                  </td>
                  <td>
                    <ResultBadge passed={category.thresholdPassed} />
                  </td>
                  <td>{category.reasons.map((reason) => localized(reason, i18n.language)).join(' ') || localized(category.explanation, i18n.language)}</td>
                  <td>{category.comparison ? `${number(category.comparison.previous)}: ${localized(category.comparison.explanation, i18n.language)}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="report-examples">
        <h2 id="report-examples">{t('evaluation.report.examples')}</h2>
        {report.categories
          .filter((category) => category.exampleFailures.length > 0)
          .map((category) => (
            <div key={category.category}>
              <h3>
                {localized(category.label, i18n.language)}
                {category.thresholdPassed ? null : <span className="evaluation-failed-mark"> – {t('evaluation.result.failed')}</span>}
              </h3>
              <ExampleFailures runId={run.id} failures={category.exampleFailures} open={!category.thresholdPassed} />
            </div>
          ))}
        {report.categories.every((category) => category.exampleFailures.length === 0) ? <p>{t('evaluation.report.noFailures')}</p> : null}
      </section>

      <section aria-labelledby="report-history">
        <h2 id="report-history">{t('evaluation.report.history')}</h2>
        {report.history.length === 0 ? (
          <p>{t('evaluation.report.noHistory')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t('evaluation.report.historyCaption', { model: run.modelId })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.report.finished')}</th>
                  <th scope="col">{t('evaluation.report.revision')}</th>
                  <th scope="col">{t('evaluation.report.score')}</th>
                  <th scope="col">{t('evaluation.report.result')}</th>
                </tr>
              </thead>
              <tbody>
                {report.history.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <Link to={`/bias-tests/laeufe/${entry.id}`}>{formatDateTime(entry.finishedAt ?? entry.createdAt, i18n.language)}</Link>
                    </th>
                    <td>
                      <code>{entry.modelRevision}</code>
                    </td>
                    <td>{number(entry.score)}</td>
                    <td>
                      <ResultBadge passed={entry.passed} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-method">
        <h2 id="report-method">{t('evaluation.report.method')}</h2>
        <p>{localized(report.methodology, i18n.language)}</p>
      </section>
    </>
  );
}
