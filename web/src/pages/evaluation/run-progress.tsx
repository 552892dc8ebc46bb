import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatNumber } from '../../i18n';
import { percentDone, terminalStatuses, type RunView } from './evaluation-types';

export const pollMs = 1000;

/**
 * Polls while the condition holds: the runs list while a run is active, a run page until its run has ended.
 * Each answer replaces the last; answers after unmount are dropped.
 */
export function usePolling<T>(path: string | undefined, keepPolling: (value: T) => boolean) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      api<T>(path, { signal: controller.signal })
        .then((value) => {
          setData(value);
          setError(undefined);
          if (keepPolling(value)) timer = setTimeout(load, pollMs);
        })
        .catch((reason: unknown) => {
          if (controller.signal.aborted) return;
          setError(reason);
          timer = setTimeout(load, pollMs * 3);
        });
    };
    load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // keepPolling is a pure predicate given by the page; restarting on its identity would poll in a loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, version]);

  return { data, error, reload: () => setVersion((value) => value + 1) };
}

export const isRunning = (run: RunView) => !terminalStatuses.includes(run.status);

/** A progress bar with its value as text: answered prompts of all, and the percentage. */
export function RunProgressBar({ run, label }: { run: RunView; label: string }) {
  const { t, i18n } = useTranslation();
  const percent = percentDone(run.progress);
  const valueText = t('evaluation.progress.valueText', {
    answered: formatNumber(run.progress.answered, i18n.language),
    total: formatNumber(run.progress.total, i18n.language),
    percent: formatNumber(percent, i18n.language),
  });
  return (
    <div className="evaluation-progress">
      <div
        className="evaluation-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <div className="evaluation-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="evaluation-progress-text">{valueText}</span>
      {run.progress.failed > 0 ? <span className="muted"> {t('evaluation.progress.failed', { count: run.progress.failed })}</span> : null}
    </div>
  );
}

/** Status in words with a shape cue, never by colour alone. */
const marks: Record<string, string> = { queued: '○', running: '…', interrupted: '‖', completed: '✓', failed: '✕', cancelled: '–' };
export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge evaluation-status-${status}`}>
      <span aria-hidden="true">{marks[status] ?? ''} </span>
      {t(`evaluation.status.${status}`)}
    </span>
  );
}

export function ResultBadge({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation();
  if (passed === null) return <span className="muted">–</span>;
  return (
    <span className={`badge ${passed ? 'evaluation-pass' : 'evaluation-fail'}`}>
      <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
      {passed ? t('evaluation.result.passed') : t('evaluation.result.failed')}
    </span>
  );
}
