import { formatNumber, type Locale, type Text } from '../core/l10n.js';
import type { Source } from './methodology.js';

/**
 * Everyday comparisons for dashboards and reports (issue 11, item 4), each constant with its source,
 * and "the same work with model X would use Y % less".
 */

type Reference = { value: number; unit: string; source: Source };

export const comparisonReferences = {
  /** The lamp is a chosen yardstick; EcoLogits compares 0.24 Wh to "two minutes of an LED light bulb". */
  ledLampW: {
    value: 10,
    unit: 'W',
    source: {
      title: 'EcoLogits blog, "Major update in our methodology" (2025-11-13)',
      url: 'https://ecologits.ai/0.10/blog/2025/11/13/major-methodology-update-2025/',
    },
  },
  /** Öko-Test's worked example: a 12.89 Wh battery charged at 80 % efficiency → 12.89 / 0.8 Wh from the socket. */
  smartphoneChargeWh: {
    value: 12.89 / 0.8,
    unit: 'Wh',
    source: {
      title: 'Öko-Test charging formula, reported by oe24 (2024-09): 12.89 Wh battery, 80 % efficiency',
      url: 'https://www.oe24.at/businesslive/handy-check-das-kostet-sie-das-aufladen/605607990',
    },
  },
  /** Middle of Verivox' range for pedelecs, 0.4–0.8 kWh per 100 km (1,187 e-bikes evaluated). */
  eBikeWhPerKm: {
    value: 6,
    unit: 'Wh/km',
    source: {
      title:
        'Verivox/testberichte.de, reported by Mannheimer Morgen (2020-05): pedelecs need 0.4–0.8 kWh per 100 km',
      url: 'https://www.morgenweb.de/mannheimer-morgen_artikel,-auto-pedelec-pendeln-kostet-kaum-strom-_arid,1639222.html',
    },
  },
  electricCarWhPerKm: {
    value: 170,
    unit: 'Wh/km',
    source: {
      title:
        'EcoLogits Calculator constants: electric vehicle 0.17 kWh/km (from selectra.info and tesla.com)',
      url: 'https://github.com/mlco2/ecologits-calculator/blob/0794cc796e595f7141006e862a0a9aefa8418aba/src/config/constants.py',
    },
  },
  petrolCarGCo2ePerKm: {
    value: 142,
    unit: 'gCO2e/km',
    source: {
      title: 'ADEME Impact CO2, combustion-engine car: 142 gCO2e/km (as used by the EcoLogits Calculator)',
      url: 'https://impactco2.fr/outils/transport/voiturethermique',
    },
  },
} as const satisfies Record<string, Reference>;

export type EverydayComparison = {
  id: 'led-lamp' | 'smartphone-charges' | 'e-bike' | 'electric-car' | 'petrol-car';
  /** Minutes, charges or kilometres. */
  value: number;
  text: Text;
  source: Source;
};

export function everydayComparisons(figures: { energyWh: number; co2eGrams: number }): EverydayComparison[] {
  const r = comparisonReferences;
  const minutes = (figures.energyWh / r.ledLampW.value) * 60;
  const charges = figures.energyWh / r.smartphoneChargeWh.value;
  const eBikeKm = figures.energyWh / r.eBikeWhPerKm.value;
  const carKm = figures.energyWh / r.electricCarWhPerKm.value;
  const petrolKm = figures.co2eGrams / r.petrolCarGCo2ePerKm.value;
  return [
    {
      id: 'led-lamp',
      value: minutes,
      text: both((l) =>
        l === 'de'
          ? `so viel Strom, wie eine 10-Watt-LED-Lampe in ${duration(minutes, l)} braucht`
          : `as much electricity as a 10-watt LED lamp uses in ${duration(minutes, l)}`,
      ),
      source: r.ledLampW.source,
    },
    {
      id: 'smartphone-charges',
      value: charges,
      text: both((l) => {
        const n = approx(charges, l);
        return l === 'de'
          ? `${n} ${n === '1' ? 'volle Smartphone-Ladung' : 'volle Smartphone-Ladungen'}`
          : `${n} full smartphone ${n === '1' ? 'charge' : 'charges'}`;
      }),
      source: r.smartphoneChargeWh.source,
    },
    {
      id: 'e-bike',
      value: eBikeKm,
      text: both((l) =>
        l === 'de' ? `${distance(eBikeKm, l)} mit dem E-Bike` : `${distance(eBikeKm, l)} by e-bike`,
      ),
      source: r.eBikeWhPerKm.source,
    },
    {
      id: 'electric-car',
      value: carKm,
      text: both((l) =>
        l === 'de' ? `${distance(carKm, l)} mit dem Elektroauto` : `${distance(carKm, l)} by electric car`,
      ),
      source: r.electricCarWhPerKm.source,
    },
    {
      id: 'petrol-car',
      value: petrolKm,
      text: both((l) =>
        l === 'de'
          ? `so viel CO2e wie ${distance(petrolKm, l)} mit einem Benziner`
          : `as much CO2e as ${distance(petrolKm, l)} in a petrol car`,
      ),
      source: r.petrolCarGCo2ePerKm.source,
    },
  ];
}

export type ModelEfficiency = { id: string; name: string; whPer1kOutputTokens: number };
export type SameWorkComparison = {
  modelId: string;
  name: string;
  /** Energy of the work as done, and with this model, both from the models' Wh per 1,000 output tokens. */
  actualWh: number;
  alternativeWh: number;
  percentLess: number;
  text: Text;
};

/**
 * For the output tokens produced per model, how much less energy each more frugal model would have
 * needed for the same tokens, best first. Work on models without a figure is left out of both sides.
 */
export function sameWorkComparisons(
  work: readonly { modelId: string; tokensOut: number }[],
  models: readonly ModelEfficiency[],
): SameWorkComparison[] {
  const byId = new Map(models.map((model) => [model.id, model]));
  let actualWh = 0;
  let tokens = 0;
  for (const item of work) {
    const model = byId.get(item.modelId);
    if (!model) continue;
    actualWh += (item.tokensOut / 1000) * model.whPer1kOutputTokens;
    tokens += item.tokensOut;
  }
  if (actualWh <= 0) return [];
  return models
    .map((model) => {
      const alternativeWh = (tokens / 1000) * model.whPer1kOutputTokens;
      const percentLess = (1 - alternativeWh / actualWh) * 100;
      return {
        modelId: model.id,
        name: model.name,
        actualWh,
        alternativeWh,
        percentLess,
        text: both((l) => {
          const pct = formatNumber(percentLess, l, { maximumFractionDigits: percentLess < 1 ? 1 : 0 });
          return l === 'de'
            ? `Dieselbe Arbeit mit ${model.name} würde ${pct} % weniger Energie verbrauchen.`
            : `The same work with ${model.name} would use ${pct}% less energy.`;
        }),
      };
    })
    .filter((comparison) => comparison.percentLess > 0)
    .sort((a, b) => b.percentLess - a.percentLess);
}

function both(render: (locale: Locale) => string): Text {
  return { de: render('de'), en: render('en') };
}

/** Two significant digits below 100, whole numbers above: comparisons are orders of magnitude. */
function approx(value: number, locale: Locale): string {
  return formatNumber(
    value,
    locale,
    value < 100 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 0 },
  );
}

function duration(minutes: number, locale: Locale): string {
  if (minutes < 1) return `${approx(minutes * 60, locale)} ${locale === 'de' ? 'Sekunden' : 'seconds'}`;
  if (minutes < 120) return `${approx(minutes, locale)} ${locale === 'de' ? 'Minuten' : 'minutes'}`;
  return `${approx(minutes / 60, locale)} ${locale === 'de' ? 'Stunden' : 'hours'}`;
}

function distance(km: number, locale: Locale): string {
  return km < 1 ? `${approx(km * 1000, locale)} m` : `${approx(km, locale)} km`;
}
