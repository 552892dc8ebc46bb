import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatNumber } from '../../i18n';
import { useSay, type Text } from './transparency-types';

type PublicModel = {
  id: string;
  name: string;
  status: string;
  statusReason: Text;
  exclusionCategory: string | null;
  lastReview: string | null;
  creator: { name?: string; jurisdiction?: string } | null;
  licence: { name?: string } | null;
  score: { total: number } | null;
};
type Lists = { recommended: PublicModel[]; approved: PublicModel[] };
type Criteria = { criteria: { id: string; label: Text; rule: Text; weight: number }[] };
type Change = { seq: number; entityType: string; entityId: string; changedAt: string; action: string; status: string | null; reason: string | null };

/** Recommended and excluded models with reasons, the prioritisation and its history (GOV-1…3), without login. */
export default function PublicModelsPage() {
  const { t, i18n } = useTranslation();
  const say = useSay();
  const lists = useResource<Lists>('/api/public/registry/models');
  const excluded = useResource<PublicModel[]>('/api/public/registry/excluded');
  const criteria = useResource<Criteria>('/api/public/transparency/models/criteria');
  const changes = useResource<Change[]>('/api/public/transparency/models/changes?limit=30');
  const percent = (value: number) => formatNumber(value, i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const statusName = (status: string | null) => (status ? t(`registry.status.${status}`, { defaultValue: status }) : '–');

  return (
    <Page title={t('transparency.models.title')} intro={t('transparency.models.intro')}>
      <ErrorNotice error={lists.error ?? excluded.error ?? criteria.error ?? changes.error} />
      <section aria-labelledby="tp-recommended" className="tp-section">
        <h2 id="tp-recommended">{t('transparency.models.recommended')}</h2>
        {lists.data && lists.data.recommended.length === 0 ? <p>{t('transparency.models.noneRecommended')}</p> : null}
        {lists.data && lists.data.recommended.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.models.name')}</th>
                  <th scope="col">{t('transparency.models.creator')}</th>
                  <th scope="col">{t('transparency.models.licence')}</th>
                  <th scope="col">{t('transparency.models.score')}</th>
                  <th scope="col">{t('transparency.models.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {lists.data.recommended.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">{model.name}</th>
                    <td>{model.creator?.name ?? '–'}</td>
                    <td>{model.licence?.name ?? '–'}</td>
                    <td>{model.score ? percent(model.score.total) : '–'}</td>
                    <td>{say(model.statusReason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tp-excluded" className="tp-section">
        <h2 id="tp-excluded">{t('transparency.models.excluded')}</h2>
        {excluded.data && excluded.data.length === 0 ? <p>{t('transparency.models.noneExcluded')}</p> : null}
        {excluded.data && excluded.data.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.models.name')}</th>
                  <th scope="col">{t('transparency.models.category')}</th>
                  <th scope="col">{t('transparency.models.reason')}</th>
                  <th scope="col">{t('transparency.models.decidedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {excluded.data.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">{model.name}</th>
                    <td>{model.exclusionCategory ? t(`registry.category.${model.exclusionCategory}`, { defaultValue: model.exclusionCategory }) : '–'}</td>
                    <td>{say(model.statusReason)}</td>
                    <td>{formatDate(model.lastReview, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tp-criteria" className="tp-section">
        <h2 id="tp-criteria">{t('transparency.models.criteria')}</h2>
        {criteria.data ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.models.criterion')}</th>
                  <th scope="col">{t('transparency.models.weight')}</th>
                  <th scope="col">{t('transparency.models.rule')}</th>
                </tr>
              </thead>
              <tbody>
                {criteria.data.criteria.map((criterion) => (
                  <tr key={criterion.id}>
                    <th scope="row">{say(criterion.label)}</th>
                    <td>{percent(criterion.weight)}</td>
                    <td>{say(criterion.rule)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tp-changes" className="tp-section">
        <h2 id="tp-changes">{t('transparency.models.changes')}</h2>
        <p>
          <a href="/api/public/registry/changes.atom" type="application/atom+xml">
            {t('transparency.models.feed')}
          </a>{' '}
          ·{' '}
          <a href="/api/public/transparency/models/changes" type="application/json">
            {t('transparency.models.changesJson')}
          </a>
        </p>
        {changes.data && changes.data.length === 0 ? <p>{t('transparency.models.noChanges')}</p> : null}
        {changes.data && changes.data.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.models.date')}</th>
                  <th scope="col">{t('transparency.models.subject')}</th>
                  <th scope="col">{t('transparency.models.newStatus')}</th>
                  <th scope="col">{t('transparency.models.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.map((change) => (
                  <tr key={change.seq}>
                    <td>{formatDate(change.changedAt, i18n.language)}</td>
                    <th scope="row">{change.entityId}</th>
                    <td>{statusName(change.status)}</td>
                    <td>{change.reason ?? '–'}</td>
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
