import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds, referencedQuestions } from './conditions.js';
import { classify } from './classify.js';
import { annexIIIPoint } from './flow-conditions.js';
import { riskQuestionnaire } from './questionnaire.js';
import type { OptionValue, Question, QuestionId } from './questionnaire-types.js';

const { questions } = riskQuestionnaire;
const articles = questions.flatMap((question) => [
  ...question.articles,
  ...question.options.flatMap((option) => (option.article ? [option.article] : [])),
]);

describe('the risk questionnaire', () => {
  it('has unique kebab-case ids, bilingual texts and help that cites a provision', () => {
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    for (const question of questions) {
      expect(question.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const value of [
        question.prompt,
        question.help,
        ...question.options.map((option) => option.label),
      ]) {
        expect(value.de.trim()).not.toBe('');
        expect(value.en.trim()).not.toBe('');
      }
      expect(question.help.de).toMatch(/Art\.|Anhang|RIGHTS/);
      expect(question.help.en).toMatch(/Art\.|Annex|RIGHTS/);
      expect(question.articles.length).toBeGreaterThan(0);
    }
  });

  it('only looks backwards in its conditions', () => {
    const seen = new Set<QuestionId>();
    for (const question of questions) {
      for (const id of question.when ? referencedQuestions(question.when) : [])
        expect(seen, `${question.id} → ${id}`).toContain(id);
      seen.add(question.id);
    }
  });

  it('gives multiple-choice questions exactly one exclusive "none"', () => {
    for (const question of questions.filter((candidate) => candidate.kind === 'multiple')) {
      expect(question.options.filter((option) => option.exclusive).map((option) => option.value)).toEqual([
        'none',
      ]);
    }
  });

  it('covers every Art. 5(1) prohibition and every Annex III point', () => {
    for (const letter of 'abcdefgh') expect(articles).toContain(`Art. 5(1)(${letter})`);
    const annexIII = [
      '1(a)',
      '1(b)',
      '1(c)',
      '2',
      '3(a)',
      '3(b)',
      '3(c)',
      '3(d)',
      '4(a)',
      '4(b)',
      '5(a)',
      '5(b)',
      '5(c)',
      '5(d)',
    ];
    annexIII.push('6(a)', '6(b)', '6(c)', '6(d)', '6(e)', '7(a)', '7(b)', '7(c)', '7(d)', '8(a)', '8(b)');
    for (const point of annexIII) expect(articles).toContain(`Annex III ${point}`);
    for (const provision of [
      'Art. 6(1)(b)',
      'Art. 6(3)',
      'Art. 25(1)',
      'Art. 50(1)',
      'Art. 50(2)',
      'Art. 50(3)',
      'Art. 50(4)',
      'Art. 51',
      'Art. 53(2)',
    ]) {
      expect(articles).toContain(provision);
    }
  });

  it('treats every Annex III option as a high-risk point (the named condition matches the data)', () => {
    for (const question of questions.filter((candidate) => candidate.articles.includes('Art. 6(2)'))) {
      for (const option of question.options.filter((candidate) => candidate.value !== 'none')) {
        const answers = { [question.id]: [option.value], 'annex-iii-8b-voter-exposure': 'voters-exposed' };
        expect(holds(annexIIIPoint, answers), `${question.id}/${option.value}`).toBe(true);
      }
    }
  });
});

/** A random walk through the flow: each question that applies gets one of its options. */
const randomAnswers = fc
  .array(fc.nat(), { minLength: questions.length, maxLength: questions.length })
  .map((picks) => {
    const answers: Record<QuestionId, OptionValue | OptionValue[]> = {};
    questions.forEach((question: Question, index) => {
      if (question.when && !holds(question.when, answers)) return;
      const pick = question.options[(picks[index] ?? 0) % question.options.length];
      if (!pick) return;
      const exclusive = question.kind === 'multiple' && !pick.exclusive;
      answers[question.id] = question.kind === 'single' ? pick.value : exclusive ? [pick.value] : ['none'];
    });
    return answers;
  });

describe('classify over every path through the wizard', () => {
  it('classifies any consistent walk and keeps its invariants', () => {
    fc.assert(
      fc.property(randomAnswers, (answers) => {
        const staffScoring = answers['staff-member-scoring'] === 'yes';
        fc.pre(!(answers['annex-iii-employment']?.includes('4b-monitoring') && !staffScoring));
        const assessment = classify(answers);
        expect(assessment.blocksGoLive).toBe(assessment.riskClass === 'prohibited' || staffScoring);
        expect(assessment.highRiskBasis.length > 0).toBe(assessment.riskClass === 'high');
        if (assessment.riskClass === 'limited')
          expect(assessment.transparencyObligations.length).toBeGreaterThan(0);
        if (assessment.riskClass === 'prohibited') {
          expect(assessment.obligations.map((obligation) => obligation.id)).toEqual([
            'stop-prohibited-practice',
          ]);
        }
        expect(assessment.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
