import { obligation, type Obligation, type ObligationId } from './obligations.js';

/** What classify() found out, reduced to the facts the checklist depends on. */
export type AssessmentFacts = {
  aiSystem: boolean;
  prohibited: boolean;
  provider: boolean;
  deployer: boolean;
  organisationType: string | undefined;
  highRisk: boolean;
  /** Annex III points that apply, e.g. `Annex III 5(b)`, whether or not Art. 6(3) lifts the high risk. */
  annexIIIPoints: string[];
  realtimeBiometricException: boolean;
  interaction: boolean;
  syntheticMarking: boolean;
  biometricOrEmotion: boolean;
  deepfake: boolean;
  publicInterestText: boolean;
  gpai: boolean;
  gpaiSystemicRisk: boolean;
  gpaiOpenSource: boolean;
};

const highRiskProvider: ObligationId[] = [
  'risk-management',
  'data-governance',
  'technical-documentation',
  'record-keeping',
  'instructions-for-use',
  'human-oversight-design',
  'accuracy-robustness-cybersecurity',
  'quality-management',
  'documentation-retention',
  'log-retention-provider',
  'corrective-actions',
  'conformity-assessment',
  'accessibility',
  'post-market-monitoring',
  'serious-incidents-provider',
];

const highRiskDeployer: ObligationId[] = [
  'deployer-use-per-instructions',
  'deployer-human-oversight',
  'deployer-input-data',
  'deployer-monitoring',
  'deployer-log-retention',
  'deployer-inform-workers',
  'deployer-dpia',
];

function registrationIds(facts: AssessmentFacts): ObligationId[] {
  const ids: ObligationId[] = [];
  // Annex III point 2 (critical infrastructure) is registered nationally and exempt from Art. 27, 49(3), 86.
  const beyondPoint2 = facts.annexIIIPoints.some((point) => !point.startsWith('Annex III 2'));
  if (facts.provider && beyondPoint2) ids.push('registration-provider');
  if (facts.provider && facts.annexIIIPoints.includes('Annex III 2'))
    ids.push('registration-provider-national');
  if (!facts.deployer || facts.annexIIIPoints.length === 0) return ids;
  ids.push('deployer-inform-affected');
  if (beyondPoint2 && facts.organisationType === 'public-authority') ids.push('deployer-registration');
  const publicBody =
    facts.organisationType === 'public-authority' || facts.organisationType === 'public-service';
  const creditOrInsurance = facts.annexIIIPoints.some(
    (point) => point === 'Annex III 5(b)' || point === 'Annex III 5(c)',
  );
  if ((beyondPoint2 && publicBody) || creditOrInsurance) ids.push('fundamental-rights-impact-assessment');
  if (beyondPoint2) ids.push('right-to-explanation');
  return ids;
}

function transparencyIds(facts: AssessmentFacts): ObligationId[] {
  const ids: ObligationId[] = [];
  if (facts.interaction) ids.push('disclose-ai-interaction');
  if (facts.syntheticMarking) ids.push('mark-synthetic-content');
  if (facts.biometricOrEmotion) ids.push('inform-biometric-emotion');
  if (facts.deepfake) ids.push('disclose-deepfake');
  if (facts.publicInterestText) ids.push('disclose-public-interest-text');
  return ids;
}

function gpaiIds(facts: AssessmentFacts): ObligationId[] {
  if (!facts.gpai) return [];
  const ids: ObligationId[] = facts.gpaiOpenSource
    ? []
    : ['gpai-technical-documentation', 'gpai-downstream-information'];
  ids.push('gpai-copyright-policy', 'gpai-training-content-summary');
  if (facts.gpaiSystemicRisk) {
    ids.push(
      'gpai-notify-commission',
      'gpai-model-evaluation',
      'gpai-systemic-risk-mitigation',
      'gpai-serious-incidents',
      'gpai-cybersecurity',
    );
  }
  return ids;
}

/** The obligations checklist; a prohibited practice leaves only one duty: do not do it. */
export function selectObligations(facts: AssessmentFacts): Obligation[] {
  if (facts.prohibited) return [obligation('stop-prohibited-practice')];
  const ids: ObligationId[] = facts.aiSystem ? ['ai-literacy'] : [];
  if (facts.highRisk) {
    if (facts.provider) ids.push(...highRiskProvider);
    if (facts.deployer) ids.push(...highRiskDeployer);
    ids.push(...registrationIds(facts));
  } else if (facts.annexIIIPoints.length > 0 && facts.provider) {
    ids.push('document-non-high-risk', 'register-non-high-risk');
  }
  if (facts.realtimeBiometricException) ids.push('rbi-safeguards');
  ids.push(...transparencyIds(facts));
  if (facts.aiSystem && !facts.highRisk) ids.push('voluntary-codes');
  ids.push(...gpaiIds(facts));
  return ids.map(obligation);
}
