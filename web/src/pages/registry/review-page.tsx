import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { StatusBadge } from './status-badge';
import { localized, type Text } from './registry-types';

type QueueEntry = { id: string; name: string; status: string; statusReason: Text; lastReview: string | null; nextReviewDue: string | null; overdue: boolean };

export default function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useResource<QueueEntry[]>('/api/registry/review-queue');
  return (
    <Page title={t('registry.review.title')} intro={t('registry.review.intro')}>
      <ErrorNotice error={error} />
      {data && data.length === 0 ? <p>{t('registry.review.empty')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registry.list.name')}</th>
                <th scope="col">{t('registry.list.status')}</th>
                <th scope="col">{t('registry.card.reason')}</th>
                <th scope="col">{t('registry.card.nextReview')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <Link to={`/register/modelle/${entry.id}`}>{entry.name}</Link>
                  </th>
                  <td>
                    <StatusBadge status={entry.status} />
                  </td>
                  <td>{localized(entry.statusReason, i18n.language)}</td>
                  <td>
                    {formatDate(entry.nextReviewDue, i18n.language)} {entry.overdue ? <strong>({t('registry.review.overdue')})</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
