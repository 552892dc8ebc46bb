import { describe, expect, it } from 'vitest';
import { buildRiskAnswers } from './build-risk-answers.js';
import { canGoLive, classify } from './classify.js';
import type { RiskClass, TransparencyParagraph } from './risk-assessment.js';

type Case = {
  name: string;
  answers: Parameters<typeof buildRiskAnswers>[0];
  riskClass: RiskClass;
  highRiskBasis?: string[];
  transparency?: TransparencyParagraph[];
  /** Articles that must appear among the reasons. */
  cites?: string[];
  /** Obligation ids that must / must not be on the checklist. */
  obligations?: string[];
  notObligations?: string[];
  /** Defaults to "prohibited"; RIGHTS-3 blocks whatever the class. */
  blocksGoLive?: boolean;
};

// Cases from the Act itself (Art. 5, 6, 50, Annex III) and from the issue; defaults answer "no"/"none".
const cases: Case[] = [
  {
    name: 'social scoring of citizens',
    answers: { 'art5-social-scoring': 'yes' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(c)'],
    obligations: ['stop-prohibited-practice'],
    notObligations: ['ai-literacy'],
    blocksGoLive: true,
  },
  {
    name: 'emotion recognition of employees',
    answers: { 'art5-emotion-workplace': 'yes', 'art5-emotion-workplace-exception': 'no' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(f)'],
    blocksGoLive: true,
  },
  {
    name: 'untargeted scraping of facial images',
    answers: { 'art5-facial-scraping': 'yes' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(e)'],
    blocksGoLive: true,
  },
  {
    name: 'manipulative techniques',
    answers: { 'art5-manipulation': 'yes' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(a)'],
  },
  {
    name: 'crime prediction solely by profiling',
    answers: { 'art5-crime-prediction': 'yes', 'art5-crime-prediction-exception': 'no' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(d)'],
  },
  {
    name: 'biometric categorisation inferring political opinions',
    answers: { 'art5-biometric-categorisation': 'yes', 'art5-biometric-categorisation-exception': 'no' },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(g)'],
  },
  {
    name: 'real-time remote biometric identification without exception',
    answers: {
      'art5-realtime-biometric-identification': 'yes',
      'art5-realtime-biometric-identification-exception': 'no',
    },
    riskClass: 'prohibited',
    cites: ['Art. 5(1)(h)'],
  },
  {
    name: 'real-time remote biometric identification under an Art. 5(1)(h) exception',
    answers: {
      'organisation-type': 'public-authority',
      'art5-realtime-biometric-identification': 'yes',
      'art5-realtime-biometric-identification-exception': 'yes',
      'art6-3-profiling': 'yes',
    },
    riskClass: 'high',
    highRiskBasis: ['Annex III 1(a)'],
    obligations: ['rbi-safeguards', 'fundamental-rights-impact-assessment', 'deployer-registration'],
    blocksGoLive: false,
  },
  {
    name: 'emotion recognition at work for safety reasons',
    answers: {
      'art5-emotion-workplace': 'yes',
      'art5-emotion-workplace-exception': 'yes',
      'art6-3-profiling': 'no',
    },
    riskClass: 'high',
    highRiskBasis: ['Annex III 1(c)'],
    transparency: ['50(3)'],
    obligations: ['inform-biometric-emotion', 'deployer-human-oversight'],
  },
  {
    name: 'CV screening by a party (private deployer)',
    answers: { 'annex-iii-employment': ['4a'], 'art6-3-profiling': 'yes' },
    riskClass: 'high',
    highRiskBasis: ['Annex III 4(a)'],
    cites: ['Annex III 4(a)', 'Art. 6(3)'],
    obligations: [
      'deployer-human-oversight',
      'deployer-inform-workers',
      'deployer-inform-affected',
      'right-to-explanation',
    ],
    notObligations: ['fundamental-rights-impact-assessment', 'deployer-registration', 'risk-management'],
  },
  {
    name: 'CV screening by a municipality (public authority deployer)',
    answers: {
      'organisation-type': 'public-authority',
      'annex-iii-employment': ['4a'],
      'art6-3-profiling': 'yes',
    },
    riskClass: 'high',
    obligations: ['fundamental-rights-impact-assessment', 'deployer-registration'],
  },
  {
    name: 'general chat assistant repurposed for CV screening (Art. 25)',
    answers: {
      'annex-iii-employment': ['4a'],
      'art6-3-profiling': 'yes',
      'art25-intended-purpose': 'repurposed',
    },
    riskClass: 'high',
    cites: ['Art. 25(1)'],
    obligations: [
      'risk-management',
      'conformity-assessment',
      'registration-provider',
      'deployer-human-oversight',
    ],
  },
  {
    name: 'exam grading',
    answers: { 'annex-iii-education': ['3b'], 'art6-3-profiling': 'no', 'art6-3-conditions': ['none'] },
    riskClass: 'high',
    highRiskBasis: ['Annex III 3(b)'],
  },
  {
    name: 'exam proctoring',
    answers: { 'annex-iii-education': ['3d'], 'art6-3-profiling': 'yes' },
    riskClass: 'high',
    highRiskBasis: ['Annex III 3(d)'],
  },
  {
    name: 'creditworthiness scoring',
    answers: { 'annex-iii-essential-services': ['5b'], 'art6-3-profiling': 'yes' },
    riskClass: 'high',
    highRiskBasis: ['Annex III 5(b)'],
    obligations: ['fundamental-rights-impact-assessment'],
  },
  {
    name: 'micro-targeted messages to influence voting behaviour',
    answers: {
      role: 'provider-and-deployer',
      'annex-iii-justice-democracy': ['8b'],
      'annex-iii-8b-voter-exposure': 'voters-exposed',
      'art6-3-profiling': 'yes',
      'art50-synthetic-content': 'yes',
    },
    riskClass: 'high',
    highRiskBasis: ['Annex III 8(b)'],
    transparency: ['50(2)'],
    obligations: [
      'risk-management',
      'human-oversight-design',
      'registration-provider',
      'mark-synthetic-content',
    ],
  },
  {
    name: 'campaign logistics and volunteer scheduling tool',
    answers: { 'annex-iii-justice-democracy': ['8b'], 'annex-iii-8b-voter-exposure': 'organisational-only' },
    riskClass: 'minimal',
    highRiskBasis: [],
    cites: ['Annex III 8(b)'],
    notObligations: ['registration-provider', 'deployer-human-oversight', 'document-non-high-risk'],
  },
  {
    name: 'citizen-facing chatbot built by a municipality',
    answers: {
      role: 'provider-and-deployer',
      'organisation-type': 'public-authority',
      'art50-direct-interaction': 'yes',
    },
    riskClass: 'limited',
    transparency: ['50(1)'],
    obligations: ['disclose-ai-interaction', 'ai-literacy'],
  },
  {
    name: 'image generator for campaign material',
    answers: { 'art50-synthetic-content': 'yes', 'art50-deepfake': 'yes' },
    riskClass: 'limited',
    transparency: ['50(2)', '50(4)'],
    obligations: ['mark-synthetic-content', 'disclose-deepfake'],
  },
  {
    name: 'press releases drafted by AI and published without editorial review',
    answers: {
      'art50-synthetic-content': 'yes',
      'art50-public-interest-text': 'yes',
      'art50-editorial-review': 'no',
    },
    riskClass: 'limited',
    transparency: ['50(2)', '50(4)'],
    obligations: ['disclose-public-interest-text'],
  },
  {
    name: 'press releases drafted by AI under editorial responsibility',
    answers: {
      'art50-synthetic-content': 'yes',
      'art50-assistive-editing-only': 'yes',
      'art50-public-interest-text': 'yes',
      'art50-editorial-review': 'yes',
    },
    riskClass: 'minimal',
    transparency: [],
    notObligations: ['disclose-public-interest-text'],
  },
  {
    name: 'spam filter',
    answers: {},
    riskClass: 'minimal',
    transparency: [],
    cites: ['Art. 5', 'Art. 6', 'Art. 50'],
    obligations: ['ai-literacy', 'voluntary-codes'],
  },
  {
    name: 'translation assistant',
    answers: { 'art50-synthetic-content': 'yes', 'art50-assistive-editing-only': 'yes' },
    riskClass: 'minimal',
    transparency: [],
    cites: ['Art. 50(2)'],
  },
  {
    name: 'narrow procedural task in an Annex III area (sorting benefit applications)',
    answers: {
      role: 'provider-and-deployer',
      'annex-iii-essential-services': ['5a'],
      'art6-3-profiling': 'no',
      'art6-3-conditions': ['narrow-procedural-task'],
    },
    riskClass: 'minimal',
    highRiskBasis: [],
    cites: ['Annex III 5(a)', 'Art. 6(3)(a)'],
    obligations: ['document-non-high-risk', 'register-non-high-risk'],
    notObligations: ['risk-management', 'deployer-human-oversight'],
  },
  {
    name: 'the same Annex III system when it profiles people',
    answers: {
      role: 'provider-and-deployer',
      'annex-iii-essential-services': ['5a'],
      'art6-3-profiling': 'yes',
    },
    riskClass: 'high',
    highRiskBasis: ['Annex III 5(a)'],
    notObligations: ['document-non-high-risk'],
  },
  {
    name: 'safety component of a product needing third-party assessment (Annex I)',
    answers: { role: 'provider', 'annex-i-product': 'yes', 'annex-i-third-party-assessment': 'yes' },
    riskClass: 'high',
    highRiskBasis: ['Art. 6(1)'],
    obligations: ['conformity-assessment'],
    notObligations: ['registration-provider', 'deployer-use-per-instructions'],
  },
  {
    name: 'Annex I product without third-party assessment',
    answers: { 'annex-i-product': 'yes', 'annex-i-third-party-assessment': 'no' },
    riskClass: 'minimal',
    cites: ['Art. 6(1)(b)'],
  },
  {
    name: 'GPAI model provider, open weights, no systemic risk',
    answers: { role: 'provider', 'gpai-model': 'yes', 'gpai-systemic-risk': 'no', 'gpai-open-source': 'yes' },
    riskClass: 'minimal',
    obligations: ['gpai-copyright-policy', 'gpai-training-content-summary'],
    notObligations: ['gpai-technical-documentation', 'gpai-model-evaluation'],
  },
  {
    name: 'GPAI model provider with systemic risk',
    answers: { role: 'provider', 'ai-system': 'no', 'gpai-model': 'yes', 'gpai-systemic-risk': 'yes' },
    riskClass: 'minimal',
    cites: ['Art. 51', 'Art. 3(1)'],
    obligations: ['gpai-technical-documentation', 'gpai-notify-commission', 'gpai-model-evaluation'],
    notObligations: ['ai-literacy'],
  },
  {
    name: 'member-activity scoring (RIGHTS-3)',
    answers: { 'staff-member-scoring': 'yes' },
    riskClass: 'minimal',
    cites: ['RIGHTS-3'],
    blocksGoLive: true,
  },
  {
    name: 'staff performance monitoring: high risk and blocked by RIGHTS-3',
    answers: {
      'staff-member-scoring': 'yes',
      'annex-iii-employment': ['4b-monitoring'],
      'art6-3-profiling': 'yes',
    },
    riskClass: 'high',
    highRiskBasis: ['Annex III 4(b)'],
    blocksGoLive: true,
  },
  {
    name: 'social scoring even if declared "not an AI system"',
    answers: { 'ai-system': 'no', 'art5-social-scoring': 'yes' },
    riskClass: 'prohibited',
    cites: ['Art. 3(1)', 'Art. 5(1)(c)'],
    blocksGoLive: true,
  },
];

describe('classify: cases from the AI Act', () => {
  it.each(cases)('$name → $riskClass', (testCase) => {
    const assessment = classify(buildRiskAnswers(testCase.answers));
    expect(assessment.riskClass).toBe(testCase.riskClass);
    if (testCase.highRiskBasis) expect(assessment.highRiskBasis).toEqual(testCase.highRiskBasis);
    if (testCase.transparency) expect(assessment.transparencyObligations).toEqual(testCase.transparency);
    const cited = assessment.reasons.map((reason) => reason.article);
    for (const article of testCase.cites ?? []) expect(cited).toContain(article);
    const obligationIds = assessment.obligations.map((obligation) => obligation.id);
    for (const id of testCase.obligations ?? []) expect(obligationIds).toContain(id);
    for (const id of testCase.notObligations ?? []) expect(obligationIds).not.toContain(id);
    const blocks = testCase.blocksGoLive ?? testCase.riskClass === 'prohibited';
    expect(assessment.blocksGoLive).toBe(blocks);
    expect(canGoLive(assessment)).toBe(!blocks);
  });
});

describe('classify: details', () => {
  it('names every blocking reason, prohibited practice and RIGHTS-3 alike', () => {
    const assessment = classify(
      buildRiskAnswers({ 'staff-member-scoring': 'yes', 'art5-social-scoring': 'yes' }),
    );
    expect(assessment.blockReasons.map((reason) => reason.code)).toEqual([
      'prohibited-practice',
      'staff-member-scoring',
    ]);
    expect(assessment.blockReasons[0]?.article).toBe('Art. 5(1)(c)');
  });

  it('gives every reason and obligation in German and English', () => {
    const assessment = classify(
      buildRiskAnswers({
        role: 'provider-and-deployer',
        'annex-iii-education': ['3b'],
        'art6-3-profiling': 'yes',
        'art50-direct-interaction': 'yes',
      }),
    );
    for (const item of [...assessment.reasons, ...assessment.obligations]) {
      expect(item.text.de.length).toBeGreaterThan(10);
      expect(item.text.en.length).toBeGreaterThan(10);
      expect(item.article).toMatch(/^(Art\. \d|Annex|RIGHTS)/);
    }
    expect(new Set(assessment.obligations.map((obligation) => obligation.id)).size).toBe(
      assessment.obligations.length,
    );
  });

  it('records the questionnaire version and the effective roles', () => {
    const assessment = classify(buildRiskAnswers({ role: 'provider' }));
    expect(assessment.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(assessment.roles).toEqual(['provider']);
  });

  it('lets nothing go live without an assessment', () => {
    expect(canGoLive(undefined)).toBe(false);
    expect(canGoLive(null)).toBe(false);
  });
});
