import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { StatusBadge } from './status-badge';
import { localized, type ModelDetail } from './registry-types';

export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { currentOrg } = useSession();
  const ids = (params.get('modelle') ?? '').split(',').filter(Boolean).slice(0, 3);
  const [models, setModels] = useState<ModelDetail[]>();
  const [error, setError] = useState<unknown>();
  const key = ids.join(',');

  useEffect(() => {
    if (!currentOrg || !key) return;
    Promise.all(key.split(',').map((id) => api<ModelDetail>(`/api/registry/models/${id}?org=${currentOrg.id}`))).then(setModels, setError);
  }, [key, currentOrg]);

  const number = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value, i18n.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
  const criteria = models?.[0]?.score?.breakdown.map((item) => item.criterion) ?? [];
  return (
    <Page title={t('registry.compare.title')} intro={t('registry.compare.intro')}>
      <ErrorNotice error={error} />
      {ids.length < 2 ? <p>{t('registry.compare.empty')}</p> : null}
      {models ? (
        <div className="table-wrap">
          <table>
            <caption>{t('registry.compare.title')}</caption>
            <thead>
              <tr>
                <td />
                {models.map((model) => (
                  <th key={model.id} scope="col">
                    <Link to={`/register/modelle/${model.id}`}>{model.name}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('registry.list.status')}</th>
                {models.map((model) => (
                  <td key={model.id}>
                    <StatusBadge status={model.status} />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('registry.card.reason')}</th>
                {models.map((model) => (
                  <td key={model.id}>{localized(model.statusReason, i18n.language)}</td>
                ))}
              </tr>
              {criteria.map((criterion) => (
                <tr key={criterion}>
                  <th scope="row">{t(`registry.criteria.${criterion}`)}</th>
                  {models.map((model) => (
                    <td key={model.id}>{number(model.score?.breakdown.find((item) => item.criterion === criterion)?.value)}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('registry.card.total')}</th>
                {models.map((model) => (
                  <td key={model.id}>
                    <strong>{number(model.score?.total)}</strong>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
