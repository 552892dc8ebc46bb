import type { Text } from '../../core/l10n.js';
import { answerValues, holds, is } from './conditions.js';
import { art5ExceptionFindings, prohibitedFindings } from './findings.js';
import {
  annexIHighRisk,
  annexIIIPoint,
  emotionOrBiometricImplied,
  highRisk,
  isAiSystem,
} from './flow-conditions.js';
import { findQuestion, riskQuestionnaire } from './questionnaire.js';
import type { RiskAnswers } from './questionnaire-types.js';
import { annexIIIReason, derogationReason, reasonTexts } from './reason-texts.js';
import type {
  BlockReason,
  RiskAssessment,
  RiskClass,
  RiskReason,
  TransparencyParagraph,
} from './risk-assessment.js';
import { selectObligations } from './select-obligations.js';
import { assertValidAnswers } from './validate-answers.js';

type Say = (article: string, text: Text) => void;

function selectedOptions(answers: RiskAnswers, questionId: string) {
  const question = findQuestion(questionId);
  const values = answerValues(answers, questionId);
  return (question?.options ?? []).filter((option) => values.includes(option.value));
}

/** Annex III points that apply, with the reasons; 8(b) drops out for purely organisational campaign tools. */
function readAnnexIII(answers: RiskAnswers, say: Say): string[] {
  const points: string[] = [];
  const areaQuestions = riskQuestionnaire.questions.filter((question) =>
    question.articles.includes('Art. 6(2)'),
  );
  for (const option of areaQuestions.flatMap((question) => selectedOptions(answers, question.id))) {
    if (!option.article) continue;
    if (option.value === '8b' && holds(is('annex-iii-8b-voter-exposure', 'organisational-only'), answers)) {
      say(option.article, reasonTexts.voterExposureExcluded);
      continue;
    }
    say(option.article, annexIIIReason(option.label));
    points.push(option.article);
  }
  for (const finding of art5ExceptionFindings) {
    if (finding.annexIII && holds(finding.when, answers)) points.push(finding.article);
  }
  return [...new Set(points)];
}

function readArt6(answers: RiskAnswers, points: string[], say: Say): void {
  const annexIProduct = holds(is('annex-i-product', 'yes'), answers);
  if (holds(annexIHighRisk, answers)) say('Art. 6(1)', reasonTexts.annexIHighRisk);
  else if (annexIProduct) say('Art. 6(1)(b)', reasonTexts.annexINoThirdParty);
  if (points.length === 0 || holds(annexIHighRisk, answers)) return;
  if (holds(is('art6-3-profiling', 'yes'), answers)) {
    say('Art. 6(3)', reasonTexts.profiling);
    return;
  }
  const derogations = selectedOptions(answers, 'art6-3-conditions').filter(
    (option) => option.value !== 'none',
  );
  for (const option of derogations) say(option.article ?? 'Art. 6(3)', derogationReason(option.label));
  if (derogations.length === 0) say('Art. 6(3)', reasonTexts.noDerogation);
}

function readTransparency(answers: RiskAnswers, say: Say) {
  const yes = (id: string) => holds(is(id, 'yes'), answers);
  const facts = {
    interaction: yes('art50-direct-interaction'),
    syntheticMarking: yes('art50-synthetic-content') && !yes('art50-assistive-editing-only'),
    biometricOrEmotion: holds(emotionOrBiometricImplied, answers) || yes('art50-biometric-categorisation'),
    deepfake: yes('art50-deepfake'),
    publicInterestText: yes('art50-public-interest-text') && !yes('art50-editorial-review'),
  };
  if (facts.interaction) say('Art. 50(1)', reasonTexts.interaction);
  if (facts.syntheticMarking) say('Art. 50(2)', reasonTexts.syntheticContent);
  if (yes('art50-assistive-editing-only')) say('Art. 50(2)', reasonTexts.assistiveEditing);
  if (facts.biometricOrEmotion) say('Art. 50(3)', reasonTexts.biometricOrEmotion);
  if (facts.deepfake) say('Art. 50(4)', reasonTexts.deepfake);
  if (facts.publicInterestText) say('Art. 50(4)', reasonTexts.publicInterestText);
  if (yes('art50-editorial-review')) say('Art. 50(4)', reasonTexts.editorialReview);
  const paragraphs: TransparencyParagraph[] = [];
  if (facts.interaction) paragraphs.push('50(1)');
  if (facts.syntheticMarking) paragraphs.push('50(2)');
  if (facts.biometricOrEmotion) paragraphs.push('50(3)');
  if (facts.deepfake || facts.publicInterestText) paragraphs.push('50(4)');
  if (paragraphs.length === 0) say('Art. 50', reasonTexts.noTransparencyCase);
  return { ...facts, paragraphs };
}

const noTransparency = {
  interaction: false,
  syntheticMarking: false,
  biometricOrEmotion: false,
  deepfake: false,
  publicInterestText: false,
  paragraphs: [] as TransparencyParagraph[],
};

/**
 * Classifies an application under the AI Act from complete wizard answers. Throws RiskAnswersError
 * (a VALIDATION ServiceError naming the missing question ids) when answers are incomplete or contradictory.
 */
export function classify(answers: RiskAnswers): RiskAssessment {
  assertValidAnswers(answers);
  const reasons: RiskReason[] = [];
  const say: Say = (article, text) => void reasons.push({ article, text });
  const yes = (id: string) => holds(is(id, 'yes'), answers);

  const aiSystem = holds(isAiSystem, answers);
  if (!aiSystem) say('Art. 3(1)', reasonTexts.notAiSystem);
  const staffMemberScoring = yes('staff-member-scoring');
  if (staffMemberScoring) say('RIGHTS-3', reasonTexts.staffMemberScoring);

  const prohibitedHits = prohibitedFindings.filter((finding) => holds(finding.when, answers));
  for (const finding of prohibitedHits) say(finding.article, finding.text);
  if (prohibitedHits.length === 0) say('Art. 5', reasonTexts.noProhibitedPractice);
  for (const finding of art5ExceptionFindings.filter((candidate) => holds(candidate.when, answers))) {
    say(finding.article, finding.text);
  }
  const prohibited = prohibitedHits.length > 0;
  const assessSystem = aiSystem && !prohibited;

  const annexIIIPoints = assessSystem ? readAnnexIII(answers, say) : [];
  if (assessSystem) readArt6(answers, annexIIIPoints, say);
  const isHighRisk = assessSystem && holds(highRisk, answers);
  if (assessSystem && !isHighRisk && annexIIIPoints.length === 0) say('Art. 6', reasonTexts.noHighRiskArea);

  const declaredRole = answerValues(answers, 'role')[0];
  const becomesProvider = isHighRisk && holds(is('art25-intended-purpose', 'repurposed'), answers);
  if (becomesProvider) say('Art. 25(1)', reasonTexts.becomesProvider);
  const provider = declaredRole !== 'deployer' || becomesProvider;
  const deployer = declaredRole !== 'provider';

  const transparency = assessSystem ? readTransparency(answers, say) : noTransparency;

  const gpai = yes('gpai-model');
  const gpaiSystemicRisk = yes('gpai-systemic-risk');
  const gpaiOpenSource = yes('gpai-open-source');
  if (gpai) say('Art. 53', reasonTexts.gpai);
  if (gpaiSystemicRisk) say('Art. 51', reasonTexts.gpaiSystemicRisk);
  if (gpaiOpenSource) say('Art. 53(2)', reasonTexts.gpaiOpenSource);

  const riskClass: RiskClass = prohibited
    ? 'prohibited'
    : isHighRisk
      ? 'high'
      : transparency.paragraphs.length > 0
        ? 'limited'
        : 'minimal';

  const blockReasons: BlockReason[] = prohibitedHits.map((finding) => ({
    code: 'prohibited-practice',
    article: finding.article,
    text: finding.text,
  }));
  if (staffMemberScoring) {
    blockReasons.push({
      code: 'staff-member-scoring',
      article: 'RIGHTS-3',
      text: reasonTexts.staffMemberScoring,
    });
  }

  const highRiskBasis = isHighRisk
    ? [
        ...(holds(annexIHighRisk, answers) ? ['Art. 6(1)'] : []),
        ...(holds(annexIIIPoint, answers) ? annexIIIPoints : []),
      ]
    : [];

  return {
    version: riskQuestionnaire.version,
    riskClass,
    aiSystem,
    roles: [...(provider ? (['provider'] as const) : []), ...(deployer ? (['deployer'] as const) : [])],
    highRiskBasis,
    gpai,
    gpaiSystemicRisk,
    transparencyObligations: transparency.paragraphs,
    reasons,
    obligations: selectObligations({
      aiSystem,
      prohibited,
      provider,
      deployer,
      organisationType: answerValues(answers, 'organisation-type')[0],
      highRisk: isHighRisk,
      annexIIIPoints,
      realtimeBiometricException: yes('art5-realtime-biometric-identification-exception'),
      ...transparency,
      gpai,
      gpaiSystemicRisk,
      gpaiOpenSource,
    }),
    blocksGoLive: blockReasons.length > 0,
    blockReasons,
  };
}

/** Whether a use case may be set to pilot or in use; without an assessment it may not (OPEN-2, RIGHTS-3). */
export function canGoLive(assessment: RiskAssessment | null | undefined): boolean {
  return assessment != null && !assessment.blocksGoLive;
}
