import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';

type Disclosure = { id: string; title: string; publishedAt: string; channel: string; aiUse: string; tools: string[]; label: string | null; url: string | null };

/** Campaign disclosure: where AI was used in published material (OPEN-1, LABEL-1…3). */
export default function PublicDisclosuresPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useResource<Disclosure[]>('/api/public/transparency/disclosures');
  return (
    <Page title={t('transparency.disclosures.title')} intro={t('transparency.disclosures.intro')}>
      <ErrorNotice error={error} />
      {!data && !error ? <p role="status">{t('app.loading')}</p> : null}
      {data && data.length === 0 ? <p>{t('transparency.disclosures.none')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('transparency.disclosures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transparency.disclosures.material')}</th>
                <th scope="col">{t('transparency.disclosures.date')}</th>
                <th scope="col">{t('transparency.disclosures.channel')}</th>
                <th scope="col">{t('transparency.disclosures.aiUse')}</th>
                <th scope="col">{t('transparency.disclosures.tools')}</th>
                <th scope="col">{t('transparency.disclosures.label')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((disclosure) => (
                <tr key={disclosure.id}>
                  <th scope="row">{disclosure.url ? <a href={disclosure.url}>{disclosure.title}</a> : disclosure.title}</th>
                  <td>{formatDate(disclosure.publishedAt, i18n.language)}</td>
                  <td>{disclosure.channel}</td>
                  <td>{disclosure.aiUse}</td>
                  <td>{disclosure.tools.join(', ') || '–'}</td>
                  <td>{disclosure.label ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
