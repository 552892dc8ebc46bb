import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSession } from '../../session/session-context';
import { IncidentDetail } from './incident-detail';
import { IncidentReportForm } from './incident-report-form';
import type { IncidentDetail as Detail, IncidentRow } from './incident-types';
import './accountability.css';

/** OPEN-3: the incident log. Everyone reports; readers see all incidents, members their own reports. */
export default function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const [params, setParams] = useSearchParams();
  const base = currentOrg ? `/api/orgs/${currentOrg.id}/incidents` : undefined;
  const { data, error, reload } = useResource<IncidentRow[]>(base);
  const selectedId = params.get('vorfall');
  const selected = useResource<Detail>(base && selectedId ? `${base}/${selectedId}` : undefined);

  const [notice, setNotice] = useState<string>();

  function changed(message?: string) {
    setNotice(message);
    reload();
    selected.reload();
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('accountability.incidents.title')} intro={t('accountability.incidents.intro')}>
      <ErrorNotice error={error ?? selected.error} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {selected.data && selectedId ? <IncidentDetail key={`${selected.data.id}-${selected.data.status}-${selected.data.timeline.length}`} orgId={currentOrg.id} incident={selected.data} onChanged={changed} /> : null}
      <section aria-labelledby="incident-list">
        <h2 id="incident-list">{t('accountability.incidents.list')}</h2>
        {data && data.length === 0 ? <p>{t('accountability.incidents.empty')}</p> : null}
        {data && data.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.incidents.number')}</th>
                  <th scope="col">{t('accountability.incidents.titleField')}</th>
                  <th scope="col">{t('accountability.incidents.severity')}</th>
                  <th scope="col">{t('accountability.incidents.status')}</th>
                  <th scope="col">{t('accountability.incidents.openActions')}</th>
                  <th scope="col">{t('accountability.incidents.reportedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link
                        to={`?vorfall=${row.id}`}
                        onClick={(event) => {
                          event.preventDefault();
                          setParams({ vorfall: row.id });
                        }}
                      >
                        {row.number}
                      </Link>
                    </th>
                    <td>{row.title}</td>
                    <td>{row.severity ? t(`accountability.severity.${row.severity}`) : t('accountability.incidents.notTriaged')}</td>
                    <td>{t(`accountability.incidents.statuses.${row.status}`)}</td>
                    <td>{row.openActions ?? 0}</td>
                    <td>{formatDate(row.createdAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <IncidentReportForm orgId={currentOrg.id} onReported={() => changed()} />
    </Page>
  );
}
