import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { ExceptionDetail } from './exception-detail';
import { ExceptionForm } from './exception-form';
import type { ExceptionRow, ExceptionStatistics } from './exception-types';
import './accountability.css';

const filters = ['all', 'requested', 'active', 'expired', 'ended'] as const;

/** SOV-3: the internal register of exceptions for commercial platforms, with requests, decisions and figures. */
export default function ExceptionsPage() {
  const { t } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<(typeof filters)[number]>('all');
  const mayApprove = ['reviewer', 'dpo', 'admin'].some((role) => effectiveRoles.has(role as 'admin'));
  const base = currentOrg ? `/api/orgs/${currentOrg.id}/exceptions` : undefined;
  const { data, error, reload } = useResource<ExceptionRow[]>(base ? `${base}?status=${filter}` : undefined);
  const selectedId = params.get('ausnahme');
  const selected = useResource<ExceptionRow>(base && selectedId ? `${base}/${selectedId}` : undefined);
  const stats = useResource<ExceptionStatistics>(base && mayApprove ? `${base}/statistics` : undefined);

  const [notice, setNotice] = useState<string>();

  function changed(message?: string) {
    setNotice(message);
    reload();
    selected.reload();
    stats.reload();
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('accountability.exceptions.title')} intro={t('accountability.exceptions.intro')}>
      <ErrorNotice error={error ?? selected.error} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {selected.data && selectedId ? <ExceptionDetail key={selected.data.id + selected.data.status} orgId={currentOrg.id} row={selected.data} mayApprove={mayApprove} onChanged={changed} /> : null}
      <section aria-labelledby="exception-register">
        <h2 id="exception-register">{mayApprove ? t('accountability.exceptions.register') : t('accountability.exceptions.mine')}</h2>
        <div className="filters">
          <SelectField label={t('accountability.exceptions.filter')} value={filter} onChange={(event) => setFilter(event.target.value as typeof filter)}>
            {filters.map((value) => (
              <option key={value} value={value}>
                {t(`accountability.exceptions.filters.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {data && data.length === 0 ? <p>{t('accountability.exceptions.empty')}</p> : null}
        {data && data.length > 0 ? <ExceptionTable rows={data} onSelect={(id) => setParams({ ausnahme: id })} /> : null}
      </section>
      {stats.data ? <ExceptionFigures stats={stats.data} /> : null}
      <ExceptionForm orgId={currentOrg.id} onCreated={() => changed()} />
    </Page>
  );
}

function ExceptionTable({ rows, onSelect }: { rows: ExceptionRow[]; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('accountability.exceptions.number')}</th>
            <th scope="col">{t('accountability.exceptions.platform')}</th>
            <th scope="col">{t('accountability.exceptions.category')}</th>
            <th scope="col">{t('accountability.exceptions.requester')}</th>
            <th scope="col">{t('accountability.exceptions.until')}</th>
            <th scope="col">{t('accountability.exceptions.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link
                  to={`?ausnahme=${row.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect(row.id);
                  }}
                >
                  {row.number}
                </Link>
              </th>
              <td>{row.platform}</td>
              <td>{t(`accountability.exceptions.categories.${row.category}`)}</td>
              <td>{row.requesterLabel}</td>
              <td>{formatDate(row.expiresAt, i18n.language)}</td>
              <td>{t(`accountability.exceptions.states.${row.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The register's figures, as numbers and tables (no chart to decode). */
function ExceptionFigures({ stats }: { stats: ExceptionStatistics }) {
  const { t, i18n } = useTranslation();
  const counts = (title: string, values: Record<string, number>, label: (key: string) => string) => (
    <div className="table-wrap">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accountability.stats.value')}</th>
            <th scope="col">{t('accountability.stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(values).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{label(key)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="exception-figures">
      <h2 id="exception-figures">{t('accountability.stats.title')}</h2>
      <ul className="acc-stats">
        <li>
          <strong>{stats.total}</strong> {t('accountability.stats.total')}
        </li>
        <li>
          <strong>{stats.byState.active ?? 0}</strong> {t('accountability.stats.active')}
        </li>
        <li>
          <strong>{stats.byState.requested ?? 0}</strong> {t('accountability.stats.pending')}
        </li>
        <li>
          <strong>{stats.expiringWithin30Days}</strong> {t('accountability.stats.expiring')}
        </li>
        <li>
          <strong>{stats.approvalRate === null ? '–' : formatNumber(stats.approvalRate, i18n.language, { style: 'percent' })}</strong> {t('accountability.stats.approvalRate')}
        </li>
        <li>
          <strong>{stats.medianDecisionHours === null ? '–' : formatNumber(stats.medianDecisionHours, i18n.language, { maximumFractionDigits: 1 })}</strong> {t('accountability.stats.medianHours')}
        </li>
      </ul>
      {counts(t('accountability.stats.byCategory'), stats.byCategory, (key) => t(`accountability.exceptions.categories.${key}`))}
      {counts(t('accountability.stats.byDataClass'), stats.byDataClass, (key) => t(`accountability.dataClasses.${key}`))}
      {stats.platforms.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('accountability.stats.platforms')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountability.exceptions.platform')}</th>
                <th scope="col">{t('accountability.stats.total')}</th>
                <th scope="col">{t('accountability.stats.active')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.platforms.map((entry) => (
                <tr key={entry.platform}>
                  <th scope="row">{entry.platform}</th>
                  <td>{entry.total}</td>
                  <td>{entry.active}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
