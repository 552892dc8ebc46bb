import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate, formatDateTime, formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { LatestReportLink } from '../evaluation/latest-report-link';
import { ScoreTable } from './score-table';
import { StatusBadge } from './status-badge';
import { exclusionCategories, localized, statuses, type ModelDetail } from './registry-types';

type Card = {
  parameters?: { totalB: number | null; activeB: number | null };
  licence?: { name: string; spdx: string | null };
  creator?: { name: string; jurisdiction: string };
  hosting?: string[];
  contextLength?: number | null;
  trainingData?: string;
  creatorCompensation?: string;
  energy?: { whPer1kOutputTokens: number; method: string } | null;
  openness?: { source: string; date: string | null; dimensions: Record<string, { rating: string }> } | null;
  sources?: { url: string; title: string; retrieved: string; covers: string[] }[];
  unverified?: string[];
};

function Json({ value }: { value: unknown }) {
  return <code className="diff">{value === null || value === undefined ? '–' : JSON.stringify(value)}</code>;
}

export default function ModelCardPage() {
  const { modelId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { currentOrg, session } = useSession();
  const { data: model, error, reload } = useResource<ModelDetail>(currentOrg ? `/api/registry/models/${modelId}?org=${currentOrg.id}` : undefined);
  const [status, setStatus] = useState('under_review');
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<string>('political_manipulation');
  const [changeError, setChangeError] = useState<unknown>();
  const [changed, setChanged] = useState(false);
  const rootReviewer = !!session?.orgs?.some((org) => !org.parentId && org.roles.includes('reviewer'));
  const number = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 3 });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChangeError(undefined);
    setChanged(false);
    try {
      await api(`/api/registry/models/${modelId}/status`, { method: 'POST', body: { status, reason, expectedVersion: model?.version, ...(status === 'excluded' ? { exclusionCategory: category } : {}) } });
      setChanged(true);
      setReason('');
      reload();
    } catch (reasonError) {
      setChangeError(reasonError);
    }
  }

  if (!model) return <ErrorNotice error={error} />;
  const card = model.card as Card;
  return (
    <Page title={model.name} intro={<Link to="/register/modelle">{t('registry.card.back')}</Link>}>
      <section aria-labelledby="decision">
        <h2 id="decision">{t('registry.card.decision')}</h2>
        <p>
          <StatusBadge status={model.status} /> {model.exclusionCategory ? `– ${t(`registry.category.${model.exclusionCategory}`)}` : null}
        </p>
        <dl className="facts">
          <dt>{t('registry.card.reason')}</dt>
          <dd>{localized(model.statusReason, i18n.language)}</dd>
          <dt>{t('registry.card.lastReview')}</dt>
          <dd>{formatDate(model.lastReview, i18n.language)}</dd>
          <dt>{t('registry.card.nextReview')}</dt>
          <dd>{formatDate(model.nextReviewDue, i18n.language)}</dd>
        </dl>
        <LatestReportLink modelId={model.id} />
        {model.restrictions.length > 0 ? (
          <>
            <h3>{t('registry.card.restrictions')}</h3>
            <ul>
              {model.restrictions.map((restriction, index) => (
                <li key={index}>
                  {restriction.orgName ?? t('registry.list.title')}: {restriction.effect} – {localized(restriction.reason, i18n.language)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="score">
        <h2 id="score">{t('registry.card.scoreTitle')}</h2>
        {model.score ? <ScoreTable score={model.score} caption={t('registry.card.scoreTitle')} /> : <p>{t('registry.card.noScore')}</p>}
      </section>

      <section aria-labelledby="facts">
        <h2 id="facts">{t('registry.card.facts')}</h2>
        <dl className="facts">
          <dt>{t('registry.card.revision')}</dt>
          <dd>{model.revision}</dd>
          <dt>{t('registry.card.creator')}</dt>
          <dd>{card.creator ? `${card.creator.name} (${card.creator.jurisdiction})` : t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.parameters')}</dt>
          <dd>
            {card.parameters
              ? `${card.parameters.totalB ? t('registry.card.billions', { value: number(card.parameters.totalB) }) : '?'} / ${card.parameters.activeB ? t('registry.card.billions', { value: number(card.parameters.activeB) }) : '?'}`
              : t('registry.card.unknown')}
          </dd>
          <dt>{t('registry.card.licence')}</dt>
          <dd>{card.licence ? `${card.licence.name}${card.licence.spdx ? ` (${card.licence.spdx})` : ''}` : t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.hosting')}</dt>
          <dd>{(card.hosting ?? []).map((zone) => t(`registry.zone.${zone}`)).join(', ') || t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.context')}</dt>
          <dd>{card.contextLength ? formatNumber(card.contextLength, i18n.language) : t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.trainingData')}</dt>
          <dd>{card.trainingData ?? t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.compensation')}</dt>
          <dd>{card.creatorCompensation ?? t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.energy')}</dt>
          <dd>{card.energy ? `${number(card.energy.whPer1kOutputTokens)} Wh (${card.energy.method})` : t('registry.card.unknown')}</dd>
          <dt>{t('registry.card.providers')}</dt>
          <dd>
            {model.providers.map((provider) => `${provider.id} (${provider.connected ? t('registry.card.connected') : t('registry.card.notConnected')})`).join(', ') || '–'}
          </dd>
        </dl>
        {card.openness ? (
          <div className="table-wrap">
            <table>
              <caption>{t('registry.card.openness')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registry.card.dimension')}</th>
                  <th scope="col">{t('registry.card.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(card.openness.dimensions).map(([dimension, entry]) => (
                  <tr key={dimension}>
                    <th scope="row">{dimension}</th>
                    <td>{entry.rating}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <h3>{t('registry.card.sources')}</h3>
        <ul>
          {(card.sources ?? []).map((source) => (
            <li key={source.url}>
              <a href={source.url} rel="noreferrer">
                {source.title}
              </a>{' '}
              <span className="muted">({source.covers.join(', ')}; {source.retrieved})</span>
            </li>
          ))}
        </ul>
        <h3>{t('registry.card.unverified')}</h3>
        <p>{card.unverified && card.unverified.length > 0 ? card.unverified.join(', ') : t('registry.card.unverifiedNone')}</p>
      </section>

      {rootReviewer ? (
        <section aria-labelledby="change-status" className="panel">
          <h2 id="change-status">{t('registry.card.changeStatus')}</h2>
          {changed ? <Notice kind="success">{t('registry.card.statusChanged')}</Notice> : null}
          <ErrorNotice error={changeError} />
          <form onSubmit={(event) => void submit(event)}>
            <SelectField label={t('registry.card.newStatus')} value={status} onChange={(event) => setStatus(event.target.value)}>
              {statuses
                .filter((value) => value !== 'candidate')
                .map((value) => (
                  <option key={value} value={value}>
                    {t(`registry.status.${value}`)}
                  </option>
                ))}
            </SelectField>
            {status === 'excluded' ? (
              <SelectField label={t('registry.card.exclusionCategory')} value={category} onChange={(event) => setCategory(event.target.value)}>
                {exclusionCategories.map((value) => (
                  <option key={value} value={value}>
                    {t(`registry.category.${value}`)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <TextField label={t('registry.card.reason')} required value={reason} onChange={(event) => setReason(event.target.value)} />
            <button type="submit" className="primary">
              {t('registry.card.changeStatus')}
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history">{t('registry.card.history')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registry.card.when')}</th>
                <th scope="col">{t('registry.card.who')}</th>
                <th scope="col">{t('registry.card.what')}</th>
                <th scope="col">{t('registry.card.reason')}</th>
                <th scope="col">{t('registry.card.change')}</th>
              </tr>
            </thead>
            <tbody>
              {model.history.map((entry) => (
                <tr key={entry.seq}>
                  <td>{formatDateTime(entry.changedAt, i18n.language)}</td>
                  <td>{entry.actorLabel}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.reason ?? '–'}</td>
                  <td>
                    {entry.action.includes('status') ? (
                      <>
                        <Json value={(entry.before as { status?: string } | null)?.status} /> → <Json value={(entry.after as { status?: string } | null)?.status} />
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
