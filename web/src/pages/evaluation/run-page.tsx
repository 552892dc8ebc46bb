import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { activeStatuses, useIsBoard, type EvaluationReport, type RunView } from './evaluation-types';
import { isRunning, RunProgressBar, RunStatusBadge, usePolling } from './run-progress';
import { ReportView } from './report-view';
import './evaluation.css';

/** One run: live progress while it runs, the report once it has completed. Readable by everyone signed in. */
export default function EvaluationRunPage() {
  const { runId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const board = useIsBoard();
  const { data: run, error, reload } = usePolling<RunView>(`/api/evaluation/runs/${runId}`, isRunning);
  const { data: report, error: reportError } = useResource<EvaluationReport>(run?.status === 'completed' ? `/api/evaluation/runs/${runId}/report` : undefined);
  const [actionError, setActionError] = useState<unknown>();

  async function act(action: 'cancel' | 'resume') {
    setActionError(undefined);
    try {
      await api(`/api/evaluation/runs/${runId}/${action}`, { method: 'POST' });
      reload();
    } catch (reason) {
      setActionError(reason);
    }
  }

  const title = run ? t('evaluation.run.title', { model: run.modelId }) : t('evaluation.run.titlePlain');
  return (
    <Page title={title} intro={<Link to="/bias-tests">{t('evaluation.run.back')}</Link>}>
      <ErrorNotice error={error ?? reportError ?? actionError} />
      {run ? (
        <>
          <section aria-labelledby="run-state">
            <h2 id="run-state">{t('evaluation.run.state')}</h2>
            <p role="status" aria-live="polite">
              {t('evaluation.run.statusLine')} <RunStatusBadge status={run.status} />
              {run.status === 'completed' && !report ? ` ${t('evaluation.run.loadingReport')}` : ''}
            </p>
            <RunProgressBar run={run} label={t('evaluation.progress.label')} />
            <dl className="facts">
              <dt>{t('evaluation.runs.created')}</dt>
              <dd>
                {formatDateTime(run.createdAt, i18n.language)} ({run.startedBy}, {t(`evaluation.trigger.${run.trigger}`)})
              </dd>
              {run.note ? (
                <>
                  <dt>{t('evaluation.start.note')}</dt>
                  <dd>{run.note}</dd>
                </>
              ) : null}
              {run.error ? (
                <>
                  <dt>{t('evaluation.run.error')}</dt>
                  <dd>{run.error}</dd>
                </>
              ) : null}
            </dl>
            {board && (activeStatuses.includes(run.status) || run.status === 'failed') ? (
              <div className="button-row">
                {activeStatuses.includes(run.status) ? (
                  <button type="button" onClick={() => void act('cancel')}>
                    {t('evaluation.run.cancel')}
                  </button>
                ) : null}
                {run.status === 'interrupted' || run.status === 'failed' ? (
                  <button type="button" onClick={() => void act('resume')}>
                    {t('evaluation.run.resume')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </section>
          {report ? <ReportView report={report} /> : null}
        </>
      ) : null}
    </Page>
  );
}
