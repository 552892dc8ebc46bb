/**
 * Electricity impact factors per country, transcribed from EcoLogits' reference data
 * (`ecologits/data/electricity_mixes.csv`, MPL-2.0; copy in ../shared/datasets/ecologits/). That file
 * reproduces its own sources, per EcoLogits' methodology: GWP from Our World in Data
 * (ourworldindata.org/electricity-mix), off-site water use per the World Resources Institute's guidance
 * on water embedded in purchased electricity (wri.org).
 * The CSV gives kgCO2e/kWh; the values below are the same digits in gCO2e/kWh (×1000).
 */

export type ElectricityMix = {
  /** ISO 3166-1 alpha-2, or WORLD for EcoLogits' world average. */
  country: string;
  /** The row name in EcoLogits' CSV (ISO alpha-3, WOR for the world). */
  ecologitsName: string;
  gCo2ePerKwh: number;
  /** Water consumed to generate one kWh (off-site WUE), litres per kWh. */
  wueOffSiteLitresPerKwh: number;
};

export const electricityMixSource = {
  title: 'EcoLogits reference data: electricity_mixes.csv (Our World in Data; World Resources Institute)',
  url: 'https://github.com/genai-impact/ecologits/blob/0adc8ab6f220a175f5b19966b9e73616e4718752/ecologits/data/electricity_mixes.csv',
} as const;

/** [EcoLogits row, gCO2e/kWh, off-site WUE l/kWh]; 26 of the 27 EU members (the CSV has no Croatia). */
const rows: Record<string, [string, number, number]> = {
  AR: ['ARG', 358.95, 11.4558],
  AU: ['AUS', 551.59, 4.7293],
  AT: ['AUT', 102.62, 5.7222],
  BE: ['BEL', 117.58, 2.6198],
  BG: ['BGR', 264.21, 4.6228],
  BR: ['BRA', 103.21, 18.6033],
  CA: ['CAN', 174.81, 8.1662],
  CH: ['CHE', 36.6, 5.6641],
  CL: ['CHL', 265.52, 10.5226],
  CN: ['CHN', 559.55, 6.0065],
  CY: ['CYP', 512.24, 1.2947],
  CZ: ['CZE', 413.86, 3.2133],
  DE: ['DEU', 344.14, 1.947],
  DK: ['DNK', 143.3, 3.1935],
  ES: ['ESP', 146.15, 6.2088],
  EE: ['EST', 341.02, 2.1986],
  FI: ['FIN', 72.25, 4.5289],
  FR: ['FRA', 44.18, 3.6737],
  GB: ['GBR', 210.89, 2.329],
  GR: ['GRC', 319.76, 5.1451],
  HU: ['HUN', 182.82, 3.6874],
  ID: ['IDN', 682.43, 2.2554],
  IN: ['IND', 708.32, 3.4368],
  IE: ['IRL', 279.7, 1.4769],
  IS: ['ISL', 28.33, 6.1409],
  IT: ['ITA', 287.53, 4.8374],
  JP: ['JPN', 482.32, 2.3063],
  KR: ['KOR', 414.27, 1.8877],
  LT: ['LTU', 139.34, 5.8994],
  LU: ['LUX', 134.62, 12.7784],
  LV: ['LVA', 136.22, 2.5526],
  MX: ['MEX', 484.83, 5.3047],
  MT: ['MLT', 484.16, 1.1185],
  MY: ['MYS', 604.43, 1.6778],
  NL: ['NLD', 253.31, 3.433],
  NO: ['NOR', 30.75, 6.6633],
  NZ: ['NZL', 120.11, 14.9681],
  PL: ['POL', 614.98, 2.5135],
  PT: ['PRT', 112.29, 9.5932],
  RO: ['ROU', 245.55, 7.3563],
  RU: ['RUS', 449.2, 3.4595],
  SK: ['SVK', 96.49, 5.7952],
  SI: ['SVN', 227.65, 2.9769],
  SE: ['SWE', 35.82, 6.0315],
  TH: ['THA', 554.5, 2.8902],
  TR: ['TUR', 469.7, 4.9197],
  TW: ['TWN', 635.65, 1.4886],
  UA: ['UKR', 256.21, 2.1306],
  US: ['USA', 383.55, 3.1321],
};

export const worldMix: ElectricityMix = {
  country: 'WORLD',
  ecologitsName: 'WOR',
  gCo2ePerKwh: 473.01,
  wueOffSiteLitresPerKwh: 3.908,
};

export const electricityMixes: Readonly<Record<string, ElectricityMix>> = Object.fromEntries(
  Object.entries(rows).map(([country, [ecologitsName, gCo2ePerKwh, wueOffSiteLitresPerKwh]]) => [
    country,
    { country, ecologitsName, gCo2ePerKwh, wueOffSiteLitresPerKwh },
  ]),
);

/** The EU's own country codes for Greece and the United Kingdom, as they appear in EU documents. */
const aliases: Record<string, string> = { EL: 'GR', UK: 'GB' };

/**
 * The mix of a country; like EcoLogits, an unknown or missing country falls back to the world
 * average, and the result says so.
 */
export function electricityMixFor(countryCode: string | null | undefined): {
  mix: ElectricityMix;
  fallback: boolean;
} {
  const code = countryCode?.trim().toUpperCase() ?? '';
  const mix = electricityMixes[aliases[code] ?? code];
  return mix ? { mix, fallback: false } : { mix: worldMix, fallback: true };
}
