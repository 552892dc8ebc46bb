import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { useSession } from '../../session/session-context';
import { EnergyChart } from './energy-chart';
import './energy.css';

type Text = { de: string; en: string };
type Figures = {
  requests: number;
  measuredRequests: number;
  tokensIn: number;
  tokensOut: number;
  energyWh: number;
  co2eGrams: number;
  waterMl: number;
};
type Row = Figures & {
  period?: string;
  orgId?: string;
  userId?: string | null;
  modelId?: string;
  assistantId?: string | null;
};
type Dashboard = {
  totals: Figures;
  rows: Row[];
  comparisons: { id: string; value: number; text: Text; source: { title: string; url: string } }[];
  sameWork: { modelId: string; name: string; percentLess: number; text: Text }[];
  labels: { orgs: Record<string, string>; models: Record<string, string> };
};

const groups = {
  model: { by: 'model', period: 'all' },
  org: { by: 'org', period: 'all' },
  assistant: { by: 'assistant', period: 'all' },
  day: { by: '', period: 'day' },
  month: { by: '', period: 'month' },
} as const;
type Group = keyof typeof groups;
const ranges = ['7', '30', '90', '365'] as const;
const since = (days: string) => new Date(Date.now() - Number(days) * 86_400_000).toISOString();

/** ENERGY-1: own use for everyone, the organisation's for admins, DPOs and reviewers; charts with a table. */
export default function EnergyPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg, effectiveRoles } = useSession();
  const id = useId();
  const mayOrg = ['admin', 'dpo', 'reviewer'].some((role) => effectiveRoles.has(role as 'admin'));
  const [scope, setScope] = useState<'mine' | 'org'>('mine');
  const [range, setRange] = useState<(typeof ranges)[number]>('30');
  const [group, setGroup] = useState<Group>('model');
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [from, setFrom] = useState(() => since(range));
  const effectiveScope = mayOrg ? scope : 'mine';
  const query = new URLSearchParams({
    scope: effectiveScope,
    by: groups[group].by,
    period: groups[group].period,
    from,
  }).toString();
  const base = currentOrg ? `/api/orgs/${currentOrg.id}` : undefined;
  const { data, error, loading } = useResource<Dashboard>(base ? `${base}/energy?${query}` : undefined);
  // Names of the assistants usable here; others (hidden, or of a sub-organisation) keep a short id.
  const assistants = useResource<{ assistants: { id: string; name: string }[] }>(
    group === 'assistant' && currentOrg ? `/api/workspace/assistants?orgId=${currentOrg.id}` : undefined,
  );
  const language = i18n.language;
  const number = (value: number, digits = 3) =>
    formatNumber(
      value,
      language,
      value >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: digits },
    );
  const local = (text: Text) => (language === 'en' ? text.en : text.de);

  function rowLabel(row: Row): string {
    if (row.period) return row.period;
    if (row.modelId !== undefined) return data?.labels.models[row.modelId] ?? row.modelId;
    if (row.orgId !== undefined) return data?.labels.orgs[row.orgId] ?? row.orgId;
    if (row.assistantId !== undefined) {
      if (!row.assistantId) return t('energy.noAssistant');
      const named = assistants.data?.assistants.find((assistant) => assistant.id === row.assistantId);
      return named?.name ?? t('energy.assistant', { id: row.assistantId.slice(0, 8) });
    }
    return t('energy.totals');
  }

  const groupLabel = t(`energy.group.${group}`);
  const totals = data?.totals;
  const share = totals && totals.requests > 0 ? (totals.measuredRequests / totals.requests) * 100 : 0;
  return (
    <Page title={t('energy.title')} intro={t('energy.intro')}>
      <form
        className="energy-selection panel"
        aria-labelledby={`${id}-selection`}
        onSubmit={(event) => event.preventDefault()}
      >
        <h2 id={`${id}-selection`}>{t('energy.selection')}</h2>
        {mayOrg ? (
          <SelectField
            label={t('energy.scope.label')}
            value={scope}
            onChange={(event) => setScope(event.target.value as 'mine' | 'org')}
          >
            <option value="mine">{t('energy.scope.mine')}</option>
            <option value="org">{t('energy.scope.org', { org: currentOrg?.name ?? '' })}</option>
          </SelectField>
        ) : null}
        <SelectField
          label={t('energy.range.label')}
          value={range}
          onChange={(event) => {
            const value = event.target.value as (typeof ranges)[number];
            setRange(value);
            setFrom(since(value));
          }}
        >
          {ranges.map((value) => (
            <option key={value} value={value}>
              {t(`energy.range.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('energy.group.label')}
          value={group}
          onChange={(event) => setGroup(event.target.value as Group)}
        >
          {(Object.keys(groups) as Group[]).map((value) => (
            <option key={value} value={value}>
              {t(`energy.group.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <p className="muted">{t('energy.orgOnlyHint')}</p>
      <p role="status" className="energy-status">
        {loading
          ? t('energy.loading')
          : totals
            ? t('energy.status', { requests: number(totals.requests) })
            : ''}
      </p>
      <ErrorNotice error={error} />
      {data && totals ? (
        <>
          <section aria-labelledby={`${id}-totals`}>
            <h2 id={`${id}-totals`}>{t('energy.totals')}</h2>
            <dl className="energy-totals">
              <div>
                <dt>{t('energy.energy')}</dt>
                <dd>{number(totals.energyWh)} Wh</dd>
              </div>
              <div>
                <dt>{t('energy.co2e')}</dt>
                <dd>{number(totals.co2eGrams)} g</dd>
              </div>
              <div>
                <dt>{t('energy.water')}</dt>
                <dd>{number(totals.waterMl)} ml</dd>
              </div>
              <div>
                <dt>{t('energy.requests')}</dt>
                <dd>{number(totals.requests)}</dd>
              </div>
            </dl>
            <p>
              {t('energy.measuredText', {
                measured: number(totals.measuredRequests),
                requests: number(totals.requests),
                share: formatNumber(share, language, { maximumFractionDigits: 0 }),
              })}
            </p>
          </section>
          <section aria-labelledby={`${id}-chart`}>
            <h2 id={`${id}-chart`}>{t('energy.chartHeading', { group: groupLabel })}</h2>
            {data.rows.length === 0 ? (
              <p>{t('energy.empty')}</p>
            ) : (
              <>
                <EnergyChart
                  bars={data.rows.map((row, index) => ({
                    key: String(index),
                    label: rowLabel(row),
                    value: row.energyWh,
                  }))}
                  title={t('energy.chartTitle', { group: groupLabel })}
                  description={t('energy.chartDescription')}
                  language={language}
                />
                <div className="table-wrap">
                  <table>
                    <caption>{t('energy.tableCaption', { group: groupLabel })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{groupLabel}</th>
                        <th scope="col">{t('energy.requests')}</th>
                        <th scope="col">{t('energy.measuredShare')}</th>
                        <th scope="col">{t('energy.tokensOut')}</th>
                        <th scope="col">{t('energy.energy')} (Wh)</th>
                        <th scope="col">{t('energy.co2e')} (g)</th>
                        <th scope="col">{t('energy.water')} (ml)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.rows.map((row, index) => (
                        <tr key={index}>
                          <th scope="row">{rowLabel(row)}</th>
                          <td className="number">{number(row.requests)}</td>
                          <td className="number">{number(row.measuredRequests)}</td>
                          <td className="number">{number(row.tokensOut)}</td>
                          <td className="number">{number(row.energyWh, 4)}</td>
                          <td className="number">{number(row.co2eGrams, 4)}</td>
                          <td className="number">{number(row.waterMl, 4)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
          {totals.requests > 0 ? (
            <section aria-labelledby={`${id}-comparisons`}>
              <h2 id={`${id}-comparisons`}>{t('energy.comparisonsHeading')}</h2>
              <p>{t('energy.comparisonsIntro')}</p>
              <ul className="energy-comparisons">
                {data.comparisons.map((comparison) => (
                  <li key={comparison.id}>
                    {local(comparison.text)}{' '}
                    <a href={comparison.source.url} className="muted" title={comparison.source.title}>
                      ({t('energy.source')}
                      <span className="visually-hidden">: {comparison.source.title}</span>)
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby={`${id}-same-work`}>
            <h2 id={`${id}-same-work`}>{t('energy.sameWorkHeading')}</h2>
            {data.sameWork.length > 0 ? (
              <ul className="energy-same-work">
                {data.sameWork.map((item) => (
                  <li key={item.modelId}>{local(item.text)}</li>
                ))}
              </ul>
            ) : (
              <p>{t('energy.sameWorkNone')}</p>
            )}
            <p className="hint">{t('energy.sameWorkHint')}</p>
          </section>
        </>
      ) : null}
      <section aria-labelledby={`${id}-exports`}>
        <h2 id={`${id}-exports`}>{t('energy.exportsHeading')}</h2>
        {base ? (
          <p>
            <a className="button" href={`${base}/energy.csv?${query}`} download>
              {t('energy.csv')}
            </a>
          </p>
        ) : null}
        <p className="hint">{t('energy.csvHint')}</p>
        {mayOrg && base ? (
          <div className="energy-monthly">
            <TextField
              label={t('energy.month')}
              type="month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
              hint={t('energy.monthlyHint')}
            />
            {/^\d{4}-\d{2}$/.test(month) ? (
              <a
                className="button"
                href={`${base}/energy/monthly?month=${month}`}
                download={`energie-${month}.json`}
              >
                {t('energy.monthly')}
              </a>
            ) : null}
          </div>
        ) : null}
      </section>
      <p>
        <Link to="/transparenz/energie">{t('energy.methodologyLink')}</Link>
      </p>
    </Page>
  );
}
