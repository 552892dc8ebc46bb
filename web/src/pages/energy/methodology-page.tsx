import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import './energy.css';

type Text = { de: string; en: string };
type Source = { title: string; url: string };
type Methodology = {
  methodology: {
    name: Text;
    version: string;
    citation: string;
    licence: string;
    summary: Text;
    steps: Text[];
    limitations: Text[];
    sources: Source[];
  };
  constants: Record<string, { value: number; unit: string; label: Text; source: Source }>;
};

/** OPEN-6, ENERGY-1: the published methodology behind every energy, CO2e and water figure, for anyone. */
export default function EnergyMethodologyPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useResource<Methodology>('/api/public/energy/methodology');
  const local = (text: Text) => (i18n.language === 'en' ? text.en : text.de);
  const m = data?.methodology;
  return (
    <Page title={t('energy.methodology.title')} intro={t('energy.methodology.intro')}>
      <ErrorNotice error={error} />
      {m && data ? (
        <div className="energy-methodology">
          <h2>{local(m.name)}</h2>
          <p>{local(m.summary)}</p>
          <p>{t('energy.methodology.measured')}</p>
          <h2>{t('energy.methodology.steps')}</h2>
          <ol>
            {m.steps.map((step, index) => (
              <li key={index}>{local(step)}</li>
            ))}
          </ol>
          <h2>{t('energy.methodology.constants')}</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('energy.methodology.constants')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('energy.methodology.constant')}</th>
                  <th scope="col">{t('energy.methodology.value')}</th>
                  <th scope="col">{t('energy.methodology.unit')}</th>
                  <th scope="col">{t('energy.source')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(data.constants).map(([key, constant]) => (
                  <tr key={key}>
                    <th scope="row">{local(constant.label)}</th>
                    <td>{formatNumber(constant.value, i18n.language, { maximumSignificantDigits: 6 })}</td>
                    <td>{constant.unit}</td>
                    <td>
                      <a href={constant.source.url}>{constant.source.title}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('energy.methodology.limitations')}</h2>
          <ul>
            {m.limitations.map((limitation, index) => (
              <li key={index}>{local(limitation)}</li>
            ))}
          </ul>
          <h2>{t('energy.methodology.sources')}</h2>
          <ul>
            {m.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url}>{source.title}</a>
              </li>
            ))}
          </ul>
          <h2>{t('energy.methodology.citation')}</h2>
          <p>
            {m.citation} ({m.version}; {m.licence})
          </p>
        </div>
      ) : null}
    </Page>
  );
}
