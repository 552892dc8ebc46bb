import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime } from '../../i18n';
import { useSession } from '../../session/session-context';
import { caseStatuses, pick, type CaseListRow, type WorkflowSummary } from './workflow-types';
import './workflows.css';

/** The organisation's cases, newest first, filtered by status and workflow (filters live in the address, so a list can be shared). */
export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const workflow = params.get('workflow') ?? '';
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(workflow ? { workflowId: workflow } : {}) }).toString();
  const { data: workflows } = useResource<WorkflowSummary[]>(currentOrg ? `/api/orgs/${currentOrg.id}/workflows` : undefined);
  const { data, error } = useResource<CaseListRow[]>(currentOrg ? `/api/orgs/${currentOrg.id}/workflow-cases${query ? `?${query}` : ''}` : undefined);
  if (!currentOrg) return null;

  const titleOf = (id: string) => pick(workflows?.find((entry) => entry.id === id)?.title, i18n.language) || id;
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t('workflows.cases.title')}
      intro={t('workflows.cases.intro')}
      actions={
        <Link className="button" to="/vorgaenge/ablaeufe">
          {t('workflows.cases.newCase')}
        </Link>
      }
    >
      <ErrorNotice error={error} />
      <div className="filters" role="search" aria-label={t('workflows.cases.filters')}>
        <SelectField label={t('workflows.cases.status')} value={status} onChange={(event) => setFilter('status', event.target.value)}>
          <option value="">{t('workflows.cases.all')}</option>
          {caseStatuses.map((entry) => (
            <option key={entry} value={entry}>
              {t(`workflows.status.${entry}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('workflows.cases.workflow')} value={workflow} onChange={(event) => setFilter('workflow', event.target.value)}>
          <option value="">{t('workflows.cases.all')}</option>
          {workflows?.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {pick(entry.title, i18n.language)}
            </option>
          ))}
        </SelectField>
      </div>
      <p aria-live="polite">{data ? t('workflows.cases.count', { count: data.length }) : t('app.loading')}</p>
      {data && data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('workflows.cases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workflows.cases.reference')}</th>
                <th scope="col">{t('workflows.cases.subject')}</th>
                <th scope="col">{t('workflows.cases.workflow')}</th>
                <th scope="col">{t('workflows.cases.status')}</th>
                <th scope="col">{t('workflows.cases.outcome')}</th>
                <th scope="col">{t('workflows.cases.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/vorgaenge/${row.id}`}>{row.reference}</Link>
                  </th>
                  <td>{row.title}</td>
                  <td>
                    {titleOf(row.workflowId)} <span className="muted">({t('workflows.list.versionValue', { version: row.definitionVersion })})</span>
                  </td>
                  <td>
                    <span className="badge">{t(`workflows.status.${row.status}`)}</span>
                  </td>
                  <td>{row.decidedOutcome ? t('workflows.cases.decided', { outcome: row.decidedOutcome }) : t('workflows.cases.suggested', { outcome: row.suggestedOutcome })}</td>
                  <td>
                    {formatDateTime(row.submittedAt, i18n.language)} <span className="muted">({row.submittedBy})</span>
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
