import { text, type Text } from '../core/l10n.js';
import { electricityMixSource } from './electricity-mixes.js';

/**
 * The constants of EcoLogits' LLM-inference methodology (ecologits.ai, "Environmental Impacts of LLM
 * Inference", as published for EcoLogits 0.10 and 0.11; Rincé & Banse, JOSS 10(111):7471, 2025,
 * doi:10.21105/joss.07471). Re-derived from the published formulas; no EcoLogits code is used.
 */

export type Source = { title: string; url: string };

const page: Source = {
  title: 'EcoLogits: Environmental Impacts of LLM Inference (methodology, v0.11)',
  url: 'https://ecologits.ai/0.11/methodology/llm_inference/',
};
const fitSource: Source = {
  title: 'EcoLogits ecologits/impacts/llm.py – unrounded fit coefficients of the same methodology',
  url: 'https://github.com/mlco2/ecologits/blob/242523de35ba5b6099a2444e4cf20404886f7c40/ecologits/impacts/llm.py',
};
const olderPage: Source = {
  title: 'EcoLogits methodology v1.0 (2024): "we typically use a PUE = 1.2"',
  url: 'https://github.com/genai-impact/ecologits/blob/004ec9133b5e973029ffc039b3ac9731496a2fc0/docs/methodology/llm_inference.md',
};

export type Constant = { value: number; unit: string; label: Text; source: Source };

function constant(value: number, unit: string, de: string, en: string, source: Source = page): Constant {
  return { value, unit, label: text(de, en), source };
}

export const constants = {
  /** f_E(P, B) = α·e^(β·B)·P + γ, fitted to the ML.ENERGY leaderboard (vLLM on H100; Chung et al. 2025). */
  gpuEnergyAlpha: constant(
    1.1665273170451914e-6,
    'Wh/(token·B param)',
    'GPU-Energie: Steigung α',
    'GPU energy: slope α',
    fitSource,
  ),
  gpuEnergyBeta: constant(
    -0.011205921025579175,
    '1/request',
    'GPU-Energie: Batch-Exponent β',
    'GPU energy: batch exponent β',
    fitSource,
  ),
  gpuEnergyGamma: constant(
    4.052928146734005e-5,
    'Wh/token',
    'GPU-Energie: Sockel γ',
    'GPU energy: base γ',
    fitSource,
  ),
  /** Fallback latency fit f_L(P, B) = α·P + β·B + γ (s per output token), same leaderboard. */
  latencyAlpha: constant(
    6.785088094353663e-4,
    's/(token·B param)',
    'Latenz: Steigung α',
    'Latency: slope α',
    fitSource,
  ),
  latencyBeta: constant(
    3.119310311688259e-4,
    's/(token·request)',
    'Latenz: Batch-Faktor β',
    'Latency: batch factor β',
    fitSource,
  ),
  latencyGamma: constant(1.9473717579473387e-2, 's/token', 'Latenz: Sockel γ', 'Latency: base γ', fitSource),
  batchSize: constant(
    64,
    'requests',
    'Gleichzeitig bearbeitete Anfragen (Batch)',
    'Requests served together (batch)',
  ),
  quantizationBits: constant(16, 'bit', 'Bits je Gewicht', 'Bits per weight'),
  memoryOverhead: constant(1.2, '×', 'Speicherzuschlag für die Inferenz', 'Inference memory overhead'),
  gpuMemoryGb: constant(
    80,
    'GB',
    'Speicher je GPU (NVIDIA H100 80 GB)',
    'Memory per GPU (NVIDIA H100 80 GB)',
  ),
  serverPowerW: constant(
    1200,
    'W',
    'Leistung des Servers ohne GPUs (AWS p5.48xlarge)',
    'Power of the server without GPUs (AWS p5.48xlarge)',
  ),
  serverGpus: constant(8, 'GPUs', 'GPUs je Server', 'GPUs per server'),
  serverEmbodiedKgCo2e: constant(
    5700,
    'kgCO2e',
    'Herstellung des Servers ohne GPUs',
    'Manufacturing of the server without GPUs',
  ),
  gpuEmbodiedKgCo2e: constant(
    273,
    'kgCO2e',
    'Herstellung einer H100-GPU (Lees-Perasso et al. 2026, ADEME)',
    'Manufacturing of one H100 GPU (Lees-Perasso et al. 2026, ADEME)',
  ),
  hardwareLifetimeYears: constant(3, 'years', 'Nutzungsdauer der Hardware', 'Hardware lifetime'),
  defaultPue: constant(
    1.2,
    '×',
    'PUE, wenn das Rechenzentrum keine angibt',
    'PUE when the data centre publishes none',
    olderPage,
  ),
  defaultWueOnSite: constant(
    0,
    'l/kWh',
    'Wasser vor Ort, wenn unbekannt (nicht gezählt)',
    'On-site water when unknown (not counted)',
    {
      title:
        'EcoLogits takes on-site WUE from each provider’s disclosure; without one, Leitplanke counts none',
      url: page.url,
    },
  ),
} as const satisfies Record<string, Constant>;

/** Published PUE and on-site WUE of cloud providers, from EcoLogits' provider table (same page). */
export const dataCentreProfiles = {
  'google-cloud': { pue: 1.09, wue: 0.99 },
  'microsoft-azure': { pue: 1.2, wue: 0.569 },
  /** Mistral AI's API, on Microsoft in Sweden. */
  'microsoft-azure-sweden': { pue: 1.16, wue: 0.09 },
  /** The other end of EcoLogits' AWS+Google ranges (PUE 1.09–1.14, WUE 0.13–0.99) once Google is taken out. */
  'amazon-web-services': { pue: 1.14, wue: 0.13 },
} as const satisfies Record<string, { pue: number; wue: number }>;

export const methodology = {
  id: 'ecologits-llm-inference',
  version: 'EcoLogits LLM inference, 0.10/0.11 (ML.ENERGY fit, batch 64)',
  name: text(
    'EcoLogits-Methodik für Sprachmodell-Anfragen',
    'EcoLogits methodology for language-model requests',
  ),
  citation:
    'Rincé, S. & Banse, A. (2025). EcoLogits: Evaluating the Environmental Impacts of Generative AI. JOSS 10(111), 7471. doi:10.21105/joss.07471',
  licence: 'Methodology text CC BY-SA 4.0; reference data MPL-2.0',
  sources: [page, fitSource, electricityMixSource],
  summary: text(
    'Geschätzt wird die Energie einer Anfrage aus der Zahl der erzeugten Tokens und der Modellgröße: GPU-Energie je Token nach einer Messreihe mit vLLM auf NVIDIA H100, dazu der Anteil des Servers, die Kühlung des Rechenzentrums (PUE), CO2e nach dem Strommix des Standorts und Wasser nach WUE. Gemessene Werte gehen vor, wo sie vorliegen.',
    'A request’s energy is estimated from the number of generated tokens and the model’s size: GPU energy per token from benchmarks with vLLM on NVIDIA H100, plus the server’s share, the data centre’s cooling (PUE), CO2e from the electricity mix of the location, and water from the WUE. Measured values take precedence where available.',
  ),
  steps: [
    text(
      'GPU-Energie je Token: f_E = α·e^(β·B)·P_aktiv + γ (Wh), mit B = 64',
      'GPU energy per token: f_E = α·e^(β·B)·P_active + γ (Wh), with B = 64',
    ),
    text(
      'GPUs: ⌈1,2 · P_gesamt · 16 / 8 GB ÷ 80 GB⌉, aufgerundet auf 1, 2, 4, 8 …',
      'GPUs: ⌈1.2 · P_total · 16 / 8 GB ÷ 80 GB⌉, rounded up to 1, 2, 4, 8 …',
    ),
    text(
      'Dauer: ΔT = Tokens · (α_L·P_aktiv + β_L·B + γ_L), höchstens die gemessene Dauer',
      'Duration: ΔT = tokens · (α_L·P_active + β_L·B + γ_L), at most the measured duration',
    ),
    text('Server ohne GPUs: ΔT · 1,2 kW · GPUs/8 ÷ B', 'Server without GPUs: ΔT · 1.2 kW · GPUs/8 ÷ B'),
    text(
      'IT-Energie: Server + GPUs · Tokens · f_E; Anfrage: PUE · IT-Energie',
      'IT energy: server + GPUs · tokens · f_E; request: PUE · IT energy',
    ),
    text(
      'CO2e: Energie · Strommix (g/kWh); Wasser: IT-Energie · (WUE vor Ort + PUE · WUE der Stromerzeugung)',
      'CO2e: energy · electricity mix (g/kWh); water: IT energy · (on-site WUE + PUE · WUE of generation)',
    ),
    text(
      'Herstellung (getrennt ausgewiesen): ΔT ÷ (B · 3 Jahre) · (GPUs/8 · 5700 kg + GPUs · 273 kg)',
      'Manufacturing (shown separately): ΔT ÷ (B · 3 years) · (GPUs/8 · 5700 kg + GPUs · 273 kg)',
    ),
  ],
  limitations: [
    text(
      'Eingabe-Tokens (Prefill) werden nicht modelliert; lange Prompts sind unterschätzt.',
      'Input tokens (prefill) are not modelled; long prompts are underestimated.',
    ),
    text(
      'Annahme: GPU-Server wie bei großen Cloud-Anbietern; ein CPU-Server im eigenen Haus verhält sich anders – dort zählt die RAPL-Messung.',
      'Assumes GPU servers as at large cloud providers; an in-house CPU server behaves differently – there the RAPL measurement counts.',
    ),
    text(
      'Strommix als Landesdurchschnitt, nicht stündlich; Wasser vor Ort nur, wo der Betreiber eine WUE veröffentlicht.',
      'Electricity mix as a national average, not hourly; on-site water only where the operator publishes a WUE.',
    ),
    text(
      'Leerlauf, Netzwerk, Speicher und Training sind nicht enthalten.',
      'Idle time, network, storage and training are not included.',
    ),
  ],
} as const;
