import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { SelectField } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatNumber } from '../../i18n';
import { riskClasses, useCaseStatuses } from './transparency-types';

type Report = {
  year: number;
  organisation: { name: string };
  useCases: { total: number; byRiskClass: Record<string, number>; byStatus: Record<string, number>; registeredInYear: number; wentLiveInYear: number; retiredInYear: number };
  participation: { rounds: number; comments: number };
  models: { modelId: string; name: string; requests: number; energyWh: number; co2eGrams: number }[];
  energy: { totals: { requests: number; energyWh: number; co2eGrams: number; waterMl: number } };
  accountability: { incidentsRecorded: number; incidentsPublic: number; complaintsReceived: number; complaintsClosed: number; complaintsClosedWithinDeadline: number } | null;
};

/** The yearly report (OPEN-6): key figures here, the full report with charts as HTML and PDF. */
export default function PublicReportPage() {
  const { t, i18n } = useTranslation();
  const current = new Date().getFullYear();
  const years = Array.from({ length: current - 2019 }, (_, index) => current - index);
  const [year, setYear] = useState(current);
  const { data, error } = useResource<Report>(`/api/public/transparency/reports/${year}`);
  const n = (value: number, digits = 0) => formatNumber(value, i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const report = data?.year === year ? data : undefined;

  return (
    <Page title={t('transparency.report.title')} intro={t('transparency.report.intro')}>
      <div className="no-print">
        <SelectField label={t('transparency.report.year')} value={String(year)} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
      </div>
      <ul className="tp-downloads">
        <li>
          <a href={`/api/public/transparency/reports/${year}/report.html?lang=${lang}`} type="text/html">
            {t('transparency.report.html', { year })}
          </a>
        </li>
        <li>
          <a href={`/api/public/transparency/reports/${year}/report.pdf?lang=${lang}`} type="application/pdf">
            {t('transparency.report.pdf', { year })}
          </a>
        </li>
        <li>
          <a href={`/api/public/transparency/reports/${year}`} type="application/json">
            {t('transparency.report.json', { year })}
          </a>
        </li>
      </ul>
      <ErrorNotice error={error} />
      <p role="status" className="muted">
        {report ? t('transparency.report.loaded', { year, organisation: report.organisation.name }) : t('app.loading')}
      </p>
      {report ? (
        <>
          <section aria-labelledby="tp-report-register" className="tp-section">
            <h2 id="tp-report-register">{t('transparency.report.register')}</h2>
            <p>{t('transparency.report.registerSummary', { total: report.useCases.total, registered: report.useCases.registeredInYear, live: report.useCases.wentLiveInYear, retired: report.useCases.retiredInYear })}</p>
            <table>
              <caption>{t('transparency.report.byRisk')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.field.risk')}</th>
                  <th scope="col">{t('transparency.report.count')}</th>
                </tr>
              </thead>
              <tbody>
                {[...riskClasses, 'unassessed'].map((risk) => (
                  <tr key={risk}>
                    <th scope="row">{t(`transparency.risk.${risk}`)}</th>
                    <td>{n(report.useCases.byRiskClass[risk] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t('transparency.report.byStatus')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.field.status')}</th>
                  <th scope="col">{t('transparency.report.count')}</th>
                </tr>
              </thead>
              <tbody>
                {useCaseStatuses.map((status) => (
                  <tr key={status}>
                    <th scope="row">{t(`transparency.status.${status}`)}</th>
                    <td>{n(report.useCases.byStatus[status] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="tp-report-use" className="tp-section">
            <h2 id="tp-report-use">{t('transparency.report.use')}</h2>
            <p>
              {t('transparency.report.useSummary', {
                requests: n(report.energy.totals.requests),
                kwh: n(report.energy.totals.energyWh / 1000, 2),
                kg: n(report.energy.totals.co2eGrams / 1000, 2),
              })}
            </p>
            {report.models.length > 0 ? (
              <table>
                <caption>{t('transparency.report.models')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('transparency.models.name')}</th>
                    <th scope="col">{t('transparency.report.requests')}</th>
                    <th scope="col">kWh</th>
                    <th scope="col">kg CO2e</th>
                  </tr>
                </thead>
                <tbody>
                  {report.models.map((model) => (
                    <tr key={model.modelId}>
                      <th scope="row">{model.name}</th>
                      <td>{n(model.requests)}</td>
                      <td>{n(model.energyWh / 1000, 2)}</td>
                      <td>{n(model.co2eGrams / 1000, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <section aria-labelledby="tp-report-accountability" className="tp-section">
            <h2 id="tp-report-accountability">{t('transparency.report.accountability')}</h2>
            {report.accountability ? (
              <p>
                {t('transparency.report.accountabilitySummary', {
                  incidents: report.accountability.incidentsRecorded,
                  public: report.accountability.incidentsPublic,
                  complaints: report.accountability.complaintsReceived,
                  closed: report.accountability.complaintsClosed,
                  onTime: report.accountability.complaintsClosedWithinDeadline,
                })}
              </p>
            ) : (
              <p>{t('transparency.report.noAccountability')}</p>
            )}
            <p>{t('transparency.report.participation', { rounds: report.participation.rounds, comments: report.participation.comments })}</p>
          </section>
        </>
      ) : null}
    </Page>
  );
}
