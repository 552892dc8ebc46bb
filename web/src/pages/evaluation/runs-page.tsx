import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../i18n';
import { StatusBadge } from '../registry/status-badge';
import { activeStatuses, localized, useIsBoard, type Catalogue, type EvaluatedModel, type RunView } from './evaluation-types';
import { ResultBadge, RunProgressBar, RunStatusBadge, usePolling } from './run-progress';
import { StartRunForm } from './start-run-form';
import './evaluation.css';

const anyActive = (runs: RunView[]) => runs.some((run) => activeStatuses.includes(run.status));
const modelRunning = (models: EvaluatedModel[]) => models.some((model) => model.latestRun && activeStatuses.includes(model.latestRun.status));

/** The review board's overview (issue 5, item 7): models and their latest result, start a run, runs with live progress. */
export default function EvaluationRunsPage() {
  const { t, i18n } = useTranslation();
  const board = useIsBoard();
  // Polled while a model's latest run is active, so its registry status updates when the run ends.
  const { data: models, error: modelsError, reload: reloadModels } = usePolling<EvaluatedModel[]>('/api/evaluation/models', modelRunning);
  const { data: catalogue, error: catalogueError } = useResource<Catalogue>('/api/evaluation/suites');
  const { data: runs, error: runsError, reload: reloadRuns } = usePolling<RunView[]>('/api/evaluation/runs?limit=50', anyActive);
  const [started, setStarted] = useState<RunView>();
  const score = (value: number | null) => (value === null ? '–' : formatNumber(value, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

  return (
    <Page title={t('evaluation.runs.title')} intro={t('evaluation.runs.intro')}>
      <ErrorNotice error={modelsError ?? catalogueError ?? runsError} />

      <section aria-labelledby="evaluation-runs">
        <h2 id="evaluation-runs">{t('evaluation.runs.listTitle')}</h2>
        {runs && runs.length === 0 ? <p>{t('evaluation.runs.empty')}</p> : null}
        {runs && runs.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.runs.model')}</th>
                  <th scope="col">{t('evaluation.runs.created')}</th>
                  <th scope="col">{t('evaluation.runs.trigger')}</th>
                  <th scope="col">{t('evaluation.runs.status')}</th>
                  <th scope="col">{t('evaluation.runs.progress')}</th>
                  <th scope="col">{t('evaluation.runs.score')}</th>
                  <th scope="col">{t('evaluation.runs.result')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/bias-tests/laeufe/${run.id}`}>{t('evaluation.runs.open', { model: run.modelId, date: formatDateTime(run.createdAt, i18n.language) })}</Link>
                    </th>
                    <td>{formatDateTime(run.createdAt, i18n.language)}</td>
                    <td>{t(`evaluation.trigger.${run.trigger}`)}</td>
                    <td>
                      <RunStatusBadge status={run.status} />
                    </td>
                    <td>
                      <RunProgressBar run={run} label={t('evaluation.progress.labelFor', { model: run.modelId })} />
                    </td>
                    <td>{score(run.score)}</td>
                    <td>
                      <ResultBadge passed={run.passed} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {board && models && catalogue ? (
        <section aria-labelledby="evaluation-start" className="panel">
          <h2 id="evaluation-start">{t('evaluation.start.title')}</h2>
          <p className="hint">{t('evaluation.start.intro')}</p>
          {started ? (
            <Notice kind="success">
              {t('evaluation.start.started', { model: started.modelId, prompts: started.promptCount })}{' '}
              <Link to={`/bias-tests/laeufe/${started.id}`}>{t('evaluation.start.follow')}</Link>
            </Notice>
          ) : null}
          <StartRunForm
            catalogue={catalogue}
            models={models}
            onStarted={(run) => {
              setStarted(run);
              reloadRuns();
              reloadModels();
            }}
          />
        </section>
      ) : null}

      <section aria-labelledby="evaluation-models">
        <h2 id="evaluation-models">{t('evaluation.models.title')}</h2>
        {models ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.runs.model')}</th>
                  <th scope="col">{t('evaluation.models.status')}</th>
                  <th scope="col">{t('evaluation.models.latest')}</th>
                  <th scope="col">{t('evaluation.models.schedule')}</th>
                </tr>
              </thead>
              <tbody>
                {models.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">
                      <Link to={`/register/modelle/${model.id}`}>{model.name}</Link>
                    </th>
                    <td>
                      <StatusBadge status={model.status} />
                      {model.status === 'under_review' || model.status === 'excluded' ? (
                        <span className="evaluation-reason"> {localized(model.statusReason, i18n.language)}</span>
                      ) : null}
                    </td>
                    <td>
                      {model.latestRun ? (
                        <Link to={`/bias-tests/laeufe/${model.latestRun.id}`}>
                          {formatDateTime(model.latestRun.createdAt, i18n.language)}: {t(`evaluation.status.${model.latestRun.status}`)}
                          {model.latestRun.passed === null ? '' : `, ${model.latestRun.passed ? t('evaluation.result.passed') : t('evaluation.result.failed')}`}
                        </Link>
                      ) : (
                        <span className="muted">{t('evaluation.models.never')}</span>
                      )}
                    </td>
                    <td>
                      {model.schedule
                        ? model.schedule.enabled
                          ? t('evaluation.models.every', { count: model.schedule.intervalDays })
                          : t('evaluation.models.paused')
                        : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
