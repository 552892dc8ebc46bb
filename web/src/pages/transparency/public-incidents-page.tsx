import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSay, type PublicIncident } from './transparency-types';

/** Incidents the organisation has made public, with correction and lessons learned (OPEN-3). */
export default function PublicIncidentsPage() {
  const { t, i18n } = useTranslation();
  const say = useSay();
  const { data, error } = useResource<PublicIncident[]>('/api/public/transparency/incidents');
  return (
    <Page title={t('transparency.incidents.title')} intro={t('transparency.incidents.intro')}>
      <ErrorNotice error={error} />
      {!data && !error ? <p role="status">{t('app.loading')}</p> : null}
      {data && data.length === 0 ? <p>{t('transparency.incidents.none')}</p> : null}
      {(data ?? []).map((incident) => (
        <article key={incident.id} className="tp-comment tp-section" aria-labelledby={`incident-${incident.id}`}>
          <h2 id={`incident-${incident.id}`}>{say(incident.title)}</h2>
          <p className="muted">
            {t('transparency.incidents.published', { date: formatDate(incident.publishedAt, i18n.language) })}
            {incident.occurredOn ? ` · ${t('transparency.incidents.occurred', { date: formatDate(incident.occurredOn, i18n.language) })}` : ''} ·{' '}
            {t(`transparency.incidents.status.${incident.status}`)}
          </p>
          <p className="tp-prose">{say(incident.summary)}</p>
          {incident.correction ? <p className="tp-prose">{t('transparency.incidents.correction', { text: say(incident.correction) })}</p> : null}
          {incident.lessonsLearned ? <p className="tp-prose">{t('transparency.incidents.lessons', { text: say(incident.lessonsLearned) })}</p> : null}
          {incident.useCaseIds.length > 0 ? (
            <p>
              {t('transparency.incidents.concerns')}{' '}
              {incident.useCaseIds.map((id, index) => (
                <span key={id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/transparenz/register/${id}`}>{t('transparency.incidents.entry', { number: index + 1 })}</Link>
                </span>
              ))}
            </p>
          ) : null}
        </article>
      ))}
    </Page>
  );
}
