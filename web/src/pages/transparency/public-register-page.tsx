import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { RiskBadge, StatusText } from './badges';
import { riskClasses, useCaseStatuses, type PublicEntry } from './transparency-types';

type RegisterList = { organisation: { slug: string; name: string }; count: number; entries: PublicEntry[] };

/** The public AI register (OPEN-1): every published application with status and AI-Act risk class. */
export default function PublicRegisterPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useResource<RegisterList>('/api/public/transparency/register');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [risk, setRisk] = useState('');
  const entries = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (data?.entries ?? []).filter(
      (entry) =>
        (!status || entry.status === status) &&
        (!risk || (risk === 'unassessed' ? !entry.risk : entry.risk?.riskClass === risk)) &&
        (!needle || `${entry.name} ${entry.summary} ${entry.organisation} ${entry.department ?? ''}`.toLowerCase().includes(needle)),
    );
  }, [data, query, status, risk]);

  return (
    <Page title={t('transparency.register.title')} intro={t('transparency.register.intro')}>
      <ErrorNotice error={error} />
      <section aria-labelledby="tp-downloads" className="tp-section">
        <h2 id="tp-downloads">{t('transparency.register.machineReadable')}</h2>
        <ul className="tp-downloads">
          <li>
            <a href="/api/public/transparency/register" type="application/json">
              {t('transparency.register.json')}
            </a>
          </li>
          <li>
            <a href="/api/public/transparency/register.csv" type="text/csv">
              {t('transparency.register.csv')}
            </a>
          </li>
          <li>
            <a href="/api/public/transparency/register.atom" type="application/atom+xml">
              {t('transparency.register.atom')}
            </a>
          </li>
          <li>
            <a href="/api/public/transparency/algoritmeregister.json" type="application/json">
              {t('transparency.register.standard')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="tp-entries" className="tp-section">
        <h2 id="tp-entries">{t('transparency.register.entries')}</h2>
        <div className="filters no-print" role="search">
          <TextField label={t('transparency.register.search')} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          <SelectField label={t('transparency.register.statusFilter')} value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('transparency.register.all')}</option>
            {useCaseStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`transparency.status.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('transparency.register.riskFilter')} value={risk} onChange={(event) => setRisk(event.target.value)}>
            <option value="">{t('transparency.register.all')}</option>
            {[...riskClasses, 'unassessed'].map((value) => (
              <option key={value} value={value}>
                {t(`transparency.risk.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <p role="status" className="muted">
          {data ? t('transparency.register.count', { count: entries.length }) : t('app.loading')}
        </p>
        {data && entries.length === 0 ? <p>{t('transparency.register.none')}</p> : null}
        {entries.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('transparency.register.entries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.field.name')}</th>
                  <th scope="col">{t('transparency.field.organisation')}</th>
                  <th scope="col">{t('transparency.field.status')}</th>
                  <th scope="col">{t('transparency.field.risk')}</th>
                  <th scope="col">{t('transparency.field.updatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <Link to={`/transparenz/register/${entry.id}`}>{entry.name}</Link>
                      <div className="muted">{entry.summary}</div>
                    </th>
                    <td>
                      {entry.organisation}
                      {entry.department ? <div className="muted">{entry.department}</div> : null}
                    </td>
                    <td>
                      <StatusText status={entry.status} />
                    </td>
                    <td>
                      <RiskBadge riskClass={entry.risk?.riskClass} />
                    </td>
                    <td>{formatDate(entry.updatedAt, i18n.language)}</td>
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
