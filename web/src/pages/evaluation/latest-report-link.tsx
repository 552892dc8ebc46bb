import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { formatDate } from '../../i18n';
import { activeStatuses, type RunView } from './evaluation-types';

/** On the model card: a link to the model's newest completed bias report, for everyone signed in (FAIR-2). */
export function LatestReportLink({ modelId }: { modelId: string }) {
  const { t, i18n } = useTranslation();
  const { data: runs } = useResource<RunView[]>(`/api/evaluation/runs?modelId=${encodeURIComponent(modelId)}&limit=20`);
  if (!runs) return null;
  const latest = runs.find((run) => run.status === 'completed');
  const running = runs.find((run) => activeStatuses.includes(run.status));
  return (
    <p>
      <strong>{t('evaluation.card.title')}: </strong>
      {latest ? (
        <Link to={`/bias-tests/laeufe/${latest.id}`}>
          {t('evaluation.card.latest', {
            date: formatDate(latest.finishedAt ?? latest.createdAt, i18n.language),
            result: latest.passed ? t('evaluation.result.passed') : t('evaluation.result.failed'),
          })}
        </Link>
      ) : (
        t('evaluation.card.none')
      )}
      {running ? (
        <>
          {' '}
          <Link to={`/bias-tests/laeufe/${running.id}`}>{t('evaluation.card.running')}</Link>
        </>
      ) : null}
    </p>
  );
}
