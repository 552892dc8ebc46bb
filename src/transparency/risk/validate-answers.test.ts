import { describe, expect, it } from 'vitest';
import { isServiceError } from '../../core/errors.js';
import { buildRiskAnswers } from './build-risk-answers.js';
import { classify } from './classify.js';
import {
  RiskAnswersError,
  applicableQuestions,
  nextQuestion,
  pruneAnswers,
  validateAnswers,
} from './validate-answers.js';

function classifyError(answers: Parameters<typeof classify>[0]): RiskAnswersError {
  try {
    classify(answers);
  } catch (error) {
    if (error instanceof RiskAnswersError) return error;
    throw error;
  }
  throw new Error('classify accepted invalid answers');
}

describe('validating wizard answers', () => {
  it('refuses missing answers and names the missing question ids', () => {
    const { 'ai-system': _aiSystem, 'art5-social-scoring': _scoring, ...incomplete } = buildRiskAnswers();
    const error = classifyError(incomplete);
    expect(error.missing).toEqual(expect.arrayContaining(['ai-system', 'art5-social-scoring']));
    expect(isServiceError(error)).toBe(true);
    expect(error.code).toBe('VALIDATION');
    expect(error.detail.en).toContain('ai-system');
    expect(error.detail.en).toContain('art5-social-scoring');
    expect(error.detail.de).toContain('Es fehlen Antworten auf: ');
    expect(error.fields.map((field) => field.path)).toContain('ai-system');
  });

  it('asks the follow-up question an answer opens, and demands it', () => {
    const answers = { ...buildRiskAnswers(), 'art5-emotion-workplace': 'yes' };
    expect(validateAnswers(answers).missing).toEqual(['art5-emotion-workplace-exception']);
  });

  it('with no answers at all, lists only the questions asked unconditionally', () => {
    const { missing } = validateAnswers({});
    expect(missing).toContain('role');
    expect(missing).toContain('staff-member-scoring');
    expect(missing).not.toContain('gpai-systemic-risk');
    expect(missing).not.toContain('annex-iii-8b-voter-exposure');
  });

  it('reports contradictory answers', () => {
    const answers = buildRiskAnswers({
      'annex-iii-employment': ['4b-monitoring'],
      'art6-3-profiling': 'yes',
    });
    const result = validateAnswers(answers);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'contradiction', questionId: 'staff-member-scoring' }),
    ]);
  });

  it.each([
    ['an unknown option', { 'ai-system': 'maybe' }],
    ['a list for a single-choice question', { 'ai-system': ['yes'] }],
    ['"none" combined with a point', { 'annex-iii-education': ['3a', 'none'] }],
    ['an empty selection', { 'annex-iii-education': [] }],
    ['a repeated option', { 'annex-iii-education': ['3a', '3a'] }],
  ])('rejects %s', (_label, override) => {
    const result = validateAnswers({ ...buildRiskAnswers(), ...override });
    expect(result.issues.map((issue) => issue.code)).toContain('invalid-answer');
  });

  it('rejects unknown questions and answers to questions the flow does not ask', () => {
    const answers = { ...buildRiskAnswers(), 'art99-vibes': 'yes', 'gpai-systemic-risk': 'no' };
    const codes = validateAnswers(answers).issues.map((issue) => `${issue.questionId}:${issue.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['art99-vibes:unknown-question', 'gpai-systemic-risk:not-applicable']),
    );
  });

  it('accepts a complete, consistent set', () => {
    expect(validateAnswers(buildRiskAnswers({ 'art50-direct-interaction': 'yes' }))).toEqual({
      ok: true,
      missing: [],
      issues: [],
    });
  });
});

describe('walking the wizard', () => {
  it('skips the high-risk questions once a practice is prohibited', () => {
    const asked = applicableQuestions(buildRiskAnswers({ 'art5-facial-scraping': 'yes' })).map(
      (question) => question.id,
    );
    expect(asked).toContain('art5-intimate-imagery');
    expect(asked).not.toContain('annex-iii-employment');
    expect(asked).not.toContain('art50-direct-interaction');
  });

  it('offers the next unanswered question in order', () => {
    expect(nextQuestion({})?.id).toBe('role');
    expect(
      nextQuestion({
        role: 'deployer',
        'organisation-type': 'private',
        'ai-system': 'yes',
        'gpai-model': 'yes',
      })?.id,
    ).toBe('gpai-systemic-risk');
    expect(nextQuestion(buildRiskAnswers())).toBeUndefined();
  });

  it('prunes answers left over after an earlier answer changed', () => {
    const before = buildRiskAnswers({
      'annex-iii-justice-democracy': ['8b'],
      'annex-iii-8b-voter-exposure': 'voters-exposed',
      'art6-3-profiling': 'yes',
    });
    const changed = { ...before, 'annex-iii-justice-democracy': ['none'] };
    expect(validateAnswers(changed).ok).toBe(false);
    const pruned = pruneAnswers(changed);
    expect(pruned).not.toHaveProperty('annex-iii-8b-voter-exposure');
    expect(pruned).not.toHaveProperty('art6-3-profiling');
    expect(validateAnswers(pruned).ok).toBe(true);
  });
});
