import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { StatusBadge } from './status-badge';
import { statuses, type ModelSummary } from './registry-types';

export default function ModelsPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const navigate = useNavigate();
  const { data, error } = useResource<ModelSummary[]>(currentOrg ? `/api/registry/models?org=${currentOrg.id}` : undefined);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [selected, setSelected] = useState<string[]>([]);

  const models = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (data ?? []).filter(
      (model) =>
        (!status || model.status === status) &&
        (!kind || model.kind === kind) &&
        (!needle || model.name.toLowerCase().includes(needle) || model.id.includes(needle) || (model.creator?.name ?? '').toLowerCase().includes(needle)),
    );
  }, [data, query, status, kind]);

  return (
    <Page title={t('registry.list.title')} intro={t('registry.list.intro')}>
      <ErrorNotice error={error} />
      <div className="filters" role="search">
        <TextField label={t('registry.list.search')} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        <SelectField label={t('registry.list.statusFilter')} value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t('registry.list.all')}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`registry.status.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('registry.list.kindFilter')} value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value="">{t('registry.list.all')}</option>
          {['chat', 'embedding', 'image'].map((value) => (
            <option key={value} value={value}>
              {t(`registry.kind.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p role="status" className="muted">
        {data ? t('registry.list.count', { count: models.length }) : t('app.loading')}
      </p>
      <button type="button" disabled={selected.length < 2} onClick={() => void navigate(`/register/vergleich?modelle=${selected.join(',')}`)}>
        {t('registry.list.compareSelected', { count: selected.length })}
      </button>
      {data && models.length === 0 ? <p>{t('registry.list.none')}</p> : null}
      {models.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registry.list.compare')}</th>
                <th scope="col">{t('registry.list.name')}</th>
                <th scope="col">{t('registry.list.status')}</th>
                <th scope="col">{t('registry.list.effective')}</th>
                <th scope="col">{t('registry.list.score')}</th>
                <th scope="col">{t('registry.list.creator')}</th>
                <th scope="col">{t('registry.list.hosting')}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('registry.list.selectToCompare', { name: model.name })}
                      checked={selected.includes(model.id)}
                      disabled={!selected.includes(model.id) && selected.length >= 3}
                      onChange={(event) => setSelected(event.target.checked ? [...selected, model.id] : selected.filter((id) => id !== model.id))}
                    />
                  </td>
                  <th scope="row">
                    <Link to={`/register/modelle/${model.id}`}>{model.name}</Link>
                    <br />
                    <span className="muted">{t(`registry.kind.${model.kind}`)}</span>
                  </th>
                  <td>
                    <StatusBadge status={model.status} />
                  </td>
                  <td>{model.effectiveStatus !== model.status ? <StatusBadge status={model.effectiveStatus} /> : '–'}</td>
                  <td>{model.score ? formatNumber(model.score.total, i18n.language, { maximumFractionDigits: 3, minimumFractionDigits: 3 }) : '–'}</td>
                  <td>{model.creator ? `${model.creator.name} (${model.creator.jurisdiction})` : '–'}</td>
                  <td>{model.hosting.map((zone) => t(`registry.zone.${zone}`)).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
