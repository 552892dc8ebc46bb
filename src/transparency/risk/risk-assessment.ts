import { text, type Text } from '../../core/l10n.js';
import type { Obligation } from './obligations.js';

export type RiskClass = 'prohibited' | 'high' | 'limited' | 'minimal';
export const riskClasses: readonly RiskClass[] = ['prohibited', 'high', 'limited', 'minimal'];

/** Art. 50 paragraphs that give rise to a duty; 50(4) covers both deep fakes and public-interest text. */
export type TransparencyParagraph = '50(1)' | '50(2)' | '50(3)' | '50(4)';

export type RiskReason = { article: string; text: Text };

export type BlockReason = {
  code: 'prohibited-practice' | 'staff-member-scoring';
  article: string;
  text: Text;
};

export type RiskAssessment = {
  /** Version of the questionnaire the answers belong to. */
  version: string;
  riskClass: RiskClass;
  /** False when the answers say the application is not an AI system (Art. 3(1)). */
  aiSystem: boolean;
  /** Roles after Art. 25(1): a deployer who repurposes a system for a high-risk use is also a provider. */
  roles: ('provider' | 'deployer')[];
  /** Provisions that make it high-risk, e.g. `Art. 6(1)` or `Annex III 4(a)`; empty otherwise. */
  highRiskBasis: string[];
  /** The organisation provides a general-purpose AI model (Art. 3(63), Chapter V). */
  gpai: boolean;
  gpaiSystemicRisk: boolean;
  transparencyObligations: TransparencyParagraph[];
  reasons: RiskReason[];
  obligations: Obligation[];
  blocksGoLive: boolean;
  blockReasons: BlockReason[];
};

export const riskClassLabels: Record<RiskClass, Text> = {
  prohibited: text('Verbotene Praxis', 'Prohibited practice'),
  high: text('Hohes Risiko', 'High risk'),
  limited: text('Begrenztes Risiko (Transparenzpflichten)', 'Limited risk (transparency obligations)'),
  minimal: text('Minimales Risiko', 'Minimal risk'),
};
