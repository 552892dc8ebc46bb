import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { ProgressBar, usePolling, type RunDetail } from './knowledge-shared';

const running = (run: RunDetail) => run.status === 'queued' || run.status === 'running';
const exports = [
  { format: 'csv', key: 'csv' },
  { format: 'md', key: 'markdown' },
  { format: 'odt', key: 'odt' },
  { format: 'docx', key: 'docx' },
] as const;

/** One analysis: progress while it runs, then topics with counts, summaries, quotes with ids, and exports. */
export default function RunPage() {
  const { t, i18n } = useTranslation();
  const { runId } = useParams();
  const { data: run, error } = usePolling<RunDetail>(runId ? `/api/structuring/runs/${runId}` : undefined, running);
  const share = (count: number) => formatNumber(run && run.itemCount ? count / run.itemCount : 0, i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Page title={run ? run.name : t('knowledge.structuring.title')}>
      <p>
        <Link to="/wissen/auswertung">{t('knowledge.structuring.back')}</Link>
      </p>
      <ErrorNotice error={error} />
      {run ? (
        <div aria-live="polite">
          {running(run) ? (
            <p>
              {t(`knowledge.runStatus.${run.status}`)} <ProgressBar progress={run.progress} label={t('knowledge.structuring.progress')} />
            </p>
          ) : null}
          {run.status === 'failed' ? <Notice kind="error">{run.error ?? t('knowledge.runStatus.failed')}</Notice> : null}
          {run.status === 'succeeded' ? <Notice kind="success">{t('knowledge.structuring.done', { items: formatNumber(run.itemCount, i18n.language), topics: formatNumber(run.clusterCount, i18n.language) })}</Notice> : null}
        </div>
      ) : null}
      {run && run.status === 'succeeded' ? (
        <>
          <section aria-labelledby="run-export">
            <h2 id="run-export">{t('knowledge.structuring.export')}</h2>
            <ul className="knowledge-exports">
              {exports.map((entry) => (
                <li key={entry.format}>
                  <a className="button" href={`/api/structuring/runs/${run.id}/export?format=${entry.format}`} download>
                    {t(`knowledge.structuring.exportAs.${entry.key}`)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="run-topics">
            <h2 id="run-topics">{t('knowledge.structuring.topics')}</h2>
            {run.clusters[0]?.summarisedBy ? <p className="muted">{t('knowledge.structuring.label', { model: run.clusters[0].summarisedBy })}</p> : <p className="muted">{t('knowledge.structuring.noModel')}</p>}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.structuring.number')}</th>
                    <th scope="col">{t('knowledge.structuring.topic')}</th>
                    <th scope="col">{t('knowledge.structuring.count')}</th>
                    <th scope="col">{t('knowledge.structuring.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {run.clusters.map((cluster) => (
                    <tr key={cluster.ordinal}>
                      <td>{cluster.ordinal + 1}</td>
                      <th scope="row">
                        <a href={`#thema-${cluster.ordinal + 1}`}>{cluster.title}</a>
                      </th>
                      <td>{formatNumber(cluster.count, i18n.language)}</td>
                      <td>{share(cluster.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {run.clusters.map((cluster) => (
              <article key={cluster.ordinal} id={`thema-${cluster.ordinal + 1}`} className="knowledge-cluster" aria-labelledby={`thema-${cluster.ordinal + 1}-title`}>
                <h3 id={`thema-${cluster.ordinal + 1}-title`}>
                  {cluster.ordinal + 1}. {cluster.title}
                </h3>
                <p className="muted">
                  {t('knowledge.structuring.clusterFacts', { count: formatNumber(cluster.count, i18n.language), share: share(cluster.count), keywords: cluster.keywords.join(', ') })}
                </p>
                {cluster.summary ? <p>{cluster.summary}</p> : null}
                <h4>{t('knowledge.structuring.quotes')}</h4>
                <ul className="knowledge-quotes">
                  {cluster.quotes.map((quote) => (
                    <li key={quote.sourceId}>
                      <blockquote>{quote.text}</blockquote>
                      <span className="muted">{t('knowledge.structuring.quoteId', { id: quote.sourceId })}</span>
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </section>
        </>
      ) : null}
    </Page>
  );
}
