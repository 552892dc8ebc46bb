import { formatDate, formatNumber, type Locale, type Text } from '../../core/l10n.js';
import { riskClassLabels } from '../risk/index.js';
import { statusLabels, useCaseStatuses } from '../register-standard/index.js';
import { riskColumns, type RiskColumn, type YearlyReport } from './report-data.js';
import type { Bar } from './svg-chart.js';

/** One table: the numbers behind a chart, or a list; the first column names the row (`th scope="row"`). */
export type ReportTable = { caption: string; head: string[]; rows: string[][]; numeric: boolean[] };
export type ReportChart = { title: string; description: string; bars: Bar[] };
export type ReportSection = { heading: string; paragraphs: string[]; chart?: ReportChart; table?: ReportTable; extraTables?: ReportTable[] };
export type ReportDocument = { language: Locale; title: string; subtitle: string; intro: string[]; sections: ReportSection[]; footer: string[] };

const riskLabel = (column: RiskColumn, locale: Locale) =>
  column === 'unassessed' ? (locale === 'de' ? 'Noch nicht bewertet' : 'Not yet assessed') : riskClassLabels[column][locale];

/** The yearly report as headings, paragraphs, charts and tables; HTML and PDF both render this. */
export function reportDocument(report: YearlyReport, locale: Locale): ReportDocument {
  const t = (value: Text) => value[locale];
  const de = locale === 'de';
  const n = (value: number, digits = 0) => formatNumber(value, locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const kWh = (wh: number) => n(wh / 1000, 2);
  const kg = (grams: number) => n(grams / 1000, 2);
  const uc = report.useCases;
  const lastDay = formatDate(new Date(new Date(report.period.to).getTime() - 1), locale);

  const riskTable: ReportTable = {
    caption: de ? 'Anwendungen nach Risikoklasse' : 'Applications by risk class',
    head: [de ? 'Risikoklasse' : 'Risk class', de ? 'Anzahl' : 'Number'],
    rows: riskColumns.map((column) => [riskLabel(column, locale), n(uc.byRiskClass[column])]),
    numeric: [false, true],
  };
  const statusTable: ReportTable = {
    caption: de ? 'Anwendungen nach Status und Risikoklasse' : 'Applications by status and risk class',
    head: [de ? 'Status' : 'Status', ...riskColumns.map((column) => riskLabel(column, locale)), de ? 'Summe' : 'Total'],
    rows: useCaseStatuses.map((status) => [t(statusLabels[status]), ...riskColumns.map((column) => n(uc.byStatusAndRisk[status][column])), n(uc.byStatus[status])]),
    numeric: [false, ...riskColumns.map(() => true), true],
  };
  const modelsTable: ReportTable = {
    caption: de ? 'Modelle im Einsatz (Aufrufe über das Gateway)' : 'Models in use (calls through the gateway)',
    head: [de ? 'Modell' : 'Model', de ? 'Aufrufe' : 'Calls', de ? 'Tokens ein' : 'Tokens in', de ? 'Tokens aus' : 'Tokens out', 'kWh', de ? 'kg CO2e' : 'kg CO2e'],
    rows: report.models.map((model) => [model.name, n(model.requests), n(model.tokensIn), n(model.tokensOut), kWh(model.energyWh), kg(model.co2eGrams)]),
    numeric: [false, true, true, true, true, true],
  };
  const monthTable: ReportTable = {
    caption: de ? 'Energie und CO2 nach Monat' : 'Energy and CO2 by month',
    head: [de ? 'Monat' : 'Month', de ? 'Aufrufe' : 'Calls', 'kWh', 'kg CO2e'],
    rows: report.energy.byMonth.map((month) => [month.month, n(month.requests), kWh(month.energyWh), kg(month.co2eGrams)]),
    numeric: [false, true, true, true],
  };
  const acc = report.accountability;
  const accountabilityTable: ReportTable | undefined = acc
    ? {
        caption: de ? 'Vorfälle und Beschwerden' : 'Incidents and complaints',
        head: [de ? 'Kennzahl' : 'Figure', de ? 'Anzahl' : 'Number'],
        rows: [
          [de ? 'Erfasste Vorfälle' : 'Incidents recorded', n(acc.incidentsRecorded)],
          [de ? 'davon veröffentlicht' : 'of which published', n(acc.incidentsPublic)],
          [de ? 'davon korrigiert' : 'of which corrected', n(acc.incidentsCorrected)],
          [de ? 'Eingegangene Beschwerden' : 'Complaints received', n(acc.complaintsReceived)],
          [de ? 'Abgeschlossene Beschwerden' : 'Complaints closed', n(acc.complaintsClosed)],
          [de ? 'davon fristgerecht' : 'of which within the deadline', n(acc.complaintsClosedWithinDeadline)],
        ],
        numeric: [false, true],
      }
    : undefined;
  const withinDeadline = acc && acc.complaintsClosed > 0 ? n((100 * acc.complaintsClosedWithinDeadline) / acc.complaintsClosed, 1) : null;

  return {
    language: locale,
    title: de ? `KI-Jahresbericht ${report.year}` : `AI annual report ${report.year}`,
    subtitle: report.organisation.name,
    intro: [
      de
        ? `Dieser Bericht zeigt den Stand des KI-Einsatzes von ${report.organisation.name} und allen Untergliederungen im Jahr ${report.year}: Anwendungen im öffentlichen KI-Register, eingesetzte Modelle, Energie und CO2, Vorfälle und Beschwerden. Er wird aus den Daten von Leitplanke erzeugt, nicht von Hand geschrieben.`
        : `This report shows the state of AI use at ${report.organisation.name} and all its sub-organisations in ${report.year}: applications in the public AI register, models used, energy and CO2, incidents and complaints. It is generated from Leitplanke's data, not written by hand.`,
      de ? `Erzeugt am ${formatDate(new Date(report.generatedAt), locale)}.` : `Generated on ${formatDate(new Date(report.generatedAt), locale)}.`,
    ],
    sections: [
      {
        heading: de ? '1. KI-Anwendungen im Register' : '1. AI applications in the register',
        paragraphs: [
          de
            ? `${n(uc.total)} veröffentlichte Anwendungen, die bis zum ${lastDay} eingetragen wurden, mit ihrem heutigen Status und ihrer heutigen Risikoklasse. Im Jahr neu eingetragen: ${n(uc.registeredInYear)}; in Betrieb genommen: ${n(uc.wentLiveInYear)}; außer Betrieb genommen: ${n(uc.retiredInYear)}. Verbotene Praktiken können nicht in Betrieb gehen.`
            : `${n(uc.total)} published applications registered by ${lastDay}, with their current status and risk class. Registered during the year: ${n(uc.registeredInYear)}; put into operation: ${n(uc.wentLiveInYear)}; retired: ${n(uc.retiredInYear)}. Prohibited practices cannot go live.`,
        ],
        chart: {
          title: riskTable.caption,
          description: riskTable.rows.map((row) => `${row[0]}: ${row[1]}`).join('; '),
          bars: riskColumns.map((column) => ({ label: riskLabel(column, locale), value: uc.byRiskClass[column], display: n(uc.byRiskClass[column]) })),
        },
        table: riskTable,
        extraTables: [statusTable],
      },
      {
        heading: de ? '2. Beteiligung' : '2. Participation',
        paragraphs: [
          de
            ? `Beteiligungsrunden zu geplanten Anwendungen, die im Jahr begonnen haben: ${n(report.participation.rounds)}; Kommentare und Antworten von Personalvertretung, Mitgliedern und Verantwortlichen: ${n(report.participation.comments)}.`
            : `Participation rounds on planned applications that began during the year: ${n(report.participation.rounds)}; comments and replies from staff representatives, members and the people responsible: ${n(report.participation.comments)}.`,
        ],
      },
      {
        heading: de ? '3. Modelle im Einsatz' : '3. Models in use',
        paragraphs: [
          report.models.length === 0
            ? de
              ? 'Im Berichtsjahr wurden keine Modellaufrufe erfasst.'
              : 'No model calls were recorded in the reporting year.'
            : de
              ? `${n(report.models.length)} Modelle wurden im Jahr über das Gateway aufgerufen, insgesamt ${n(report.energy.totals.requests)}-mal.`
              : `${n(report.models.length)} models were called through the gateway during the year, ${n(report.energy.totals.requests)} times in total.`,
        ],
        ...(report.models.length > 0
          ? {
              chart: {
                title: de ? 'Aufrufe je Modell' : 'Calls per model',
                description: report.models.slice(0, 12).map((model) => `${model.name}: ${n(model.requests)}`).join('; '),
                bars: report.models.slice(0, 12).map((model) => ({ label: model.name, value: model.requests, display: n(model.requests) })),
              },
              table: modelsTable,
            }
          : {}),
      },
      {
        heading: de ? '4. Energie und CO2' : '4. Energy and CO2',
        paragraphs: [
          de
            ? `Energie aller Modellaufrufe: ${kWh(report.energy.totals.energyWh)} kWh; CO2-Äquivalente: ${kg(report.energy.totals.co2eGrams)} kg; Wasser: ${n(report.energy.totals.waterMl / 1000, 1)} Liter. Gemessen, wo gemessen werden kann, sonst nach der Methodik des Energiemoduls geschätzt.`
            : `Energy of all model calls: ${kWh(report.energy.totals.energyWh)} kWh; CO2 equivalents: ${kg(report.energy.totals.co2eGrams)} kg; water: ${n(report.energy.totals.waterMl / 1000, 1)} litres. Measured where it can be measured, otherwise estimated with the energy module's methodology.`,
        ],
        chart: {
          title: de ? 'Energie je Monat (kWh)' : 'Energy per month (kWh)',
          description: report.energy.byMonth.map((month) => `${month.month}: ${kWh(month.energyWh)} kWh`).join('; '),
          bars: report.energy.byMonth.map((month) => ({ label: month.month, value: month.energyWh, display: `${kWh(month.energyWh)} kWh` })),
        },
        table: monthTable,
      },
      {
        heading: de ? '5. Vorfälle und Beschwerden' : '5. Incidents and complaints',
        paragraphs: [
          acc
            ? withinDeadline
              ? de
                ? `${withinDeadline} % der abgeschlossenen Beschwerden wurden innerhalb der verbindlichen Frist bearbeitet.`
                : `${withinDeadline} % of closed complaints were handled within the binding deadline.`
              : de
                ? 'Im Berichtsjahr wurde keine Beschwerde abgeschlossen.'
                : 'No complaint was closed in the reporting year.'
            : de
              ? 'Für Vorfälle und Beschwerden liegen keine Zahlen vor: Das Modul für Fehlerkultur und Beschwerdestelle ist nicht angeschlossen.'
              : 'There are no figures for incidents and complaints: the error-culture and complaint-office module is not connected.',
        ],
        ...(accountabilityTable ? { table: accountabilityTable } : {}),
      },
    ],
    footer: [
      de
        ? `Zeitraum: 1. Januar bis 31. Dezember ${report.year} (Zeitzone Europe/Berlin). Erzeugt von Leitplanke.`
        : `Period: 1 January to 31 December ${report.year} (time zone Europe/Berlin). Generated by Leitplanke.`,
    ],
  };
}
