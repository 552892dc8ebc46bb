import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { useSession } from '../../session/session-context';
import { DeadlineClock } from './accountability-shared';
import { ComplaintDetailPanel } from './complaint-detail';
import type { ComplaintDetail, ComplaintRow } from './complaint-types';
import './accountability.css';

const filters = ['open', 'overdue', 'received', 'acknowledged', 'in_progress', 'decided', 'closed', 'all'] as const;

/** OPEN-4: the complaint office's queue, most urgent first, with deadline clocks and escalation marks. */
export default function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<(typeof filters)[number]>('open');
  const base = currentOrg ? `/api/orgs/${currentOrg.id}/complaints` : undefined;
  const { data, error, reload } = useResource<ComplaintRow[]>(base ? `${base}?status=${filter}` : undefined);
  const selectedId = params.get('beschwerde');
  const selected = useResource<ComplaintDetail>(base && selectedId ? `${base}/${selectedId}` : undefined);

  const [notice, setNotice] = useState<string>();

  function changed(message?: string) {
    setNotice(message);
    reload();
    selected.reload();
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('accountability.complaints.title')} intro={t('accountability.complaints.intro')}>
      <p>
        <Link to={`/beschwerde?org=${encodeURIComponent(currentOrg.slug)}`}>{t('accountability.complaints.publicForm')}</Link>
      </p>
      <ErrorNotice error={error ?? selected.error} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {selected.data && selectedId ? <ComplaintDetailPanel key={`${selected.data.id}-${selected.data.events.length}`} orgId={currentOrg.id} complaint={selected.data} onChanged={changed} /> : null}
      <section aria-labelledby="complaint-queue">
        <h2 id="complaint-queue">{t('accountability.complaints.queue')}</h2>
        <div className="filters">
          <SelectField label={t('accountability.complaints.filter')} value={filter} onChange={(event) => setFilter(event.target.value as typeof filter)}>
            {filters.map((value) => (
              <option key={value} value={value}>
                {t(`accountability.complaints.filters.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <p role="status" className="muted">
          {data ? t('accountability.complaints.count', { count: data.length }) : ''}
        </p>
        {data && data.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.complaints.caseNumber')}</th>
                  <th scope="col">{t('accountability.complaints.subject')}</th>
                  <th scope="col">{t('accountability.complaints.status')}</th>
                  <th scope="col">{t('accountability.complaints.acknowledgeClock')}</th>
                  <th scope="col">{t('accountability.complaints.decisionClock')}</th>
                  <th scope="col">{t('accountability.complaints.assignee')}</th>
                  <th scope="col">{t('accountability.complaints.received')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link
                        to={`?beschwerde=${row.id}`}
                        onClick={(event) => {
                          event.preventDefault();
                          setParams({ beschwerde: row.id });
                        }}
                      >
                        {row.caseNumber}
                      </Link>
                    </th>
                    <td>{row.subject}</td>
                    <td>{t(`accountability.complaintStatus.${row.status}`)}</td>
                    <td>
                      <DeadlineClock clock={row.clocks.acknowledge} />
                    </td>
                    <td>
                      <DeadlineClock clock={row.clocks.decision} />
                    </td>
                    <td>{row.assigneeLabel ?? t('accountability.complaints.unassigned')}</td>
                    <td>{formatDate(row.receivedAt, i18n.language)}</td>
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
