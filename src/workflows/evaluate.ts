import { text, type Locale, type Text } from '../core/l10n.js';
import type { RuleKind, WorkflowDefinition } from './definition-schema.js';
import { applyLogic, truthy } from './json-logic.js';
import { formatValue, renderTemplate } from './template.js';

/**
 * Runs a definition's expert rules over one submitted form: computed values first (in order, each
 * may use the ones before), then every rule with its explanation, then the first matching outcome.
 * Pure and deterministic — the same definition version and input give the same result, always.
 */
export type ComputedResult = { id: string; label: Text; value: unknown; display: Text };
export type RuleResult = {
  id: string;
  label: Text;
  kind: RuleKind;
  severity: 'blocking' | 'hint';
  applicable: boolean;
  /** null when the rule does not apply. */
  passed: boolean | null;
  explanation: Text;
  /** Set when the expression could not be evaluated (counts as failed). */
  error?: string;
};
export type Evaluation = {
  computed: ComputedResult[];
  rules: RuleResult[];
  failed: Record<RuleKind | 'blocking' | 'hints', number>;
  outcome: { id: string; label: Text; instruction: string };
};

const both = (render: (locale: Locale) => string): Text => text(render('de'), render('en'));

export function optionLabels(
  definition: WorkflowDefinition,
  input: Record<string, unknown>,
  locale: Locale,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of definition.form.fields) {
    if (!field.options) continue;
    const value = input[field.name];
    const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    labels[field.name] =
      values
        .map(
          (entry) => field.options!.find((option) => option.value === entry)?.label[locale] ?? String(entry),
        )
        .join(', ') || '–';
  }
  return labels;
}

export function evaluate(definition: WorkflowDefinition, input: Record<string, unknown>): Evaluation {
  const computedValues: Record<string, unknown> = {};
  const data: Record<string, unknown> = { input, params: definition.parameters, computed: computedValues };
  const computed: ComputedResult[] = definition.computed.map((entry) => {
    let value: unknown;
    try {
      value = applyLogic(entry.value, data);
      if (typeof value === 'number' && !Number.isFinite(value)) value = null;
    } catch {
      value = null;
    }
    computedValues[entry.id] = value;
    return {
      id: entry.id,
      label: entry.label,
      value,
      display: both((locale) => formatValue(value, entry.format, locale)),
    };
  });

  const rendered = (template: Text): Text =>
    both((locale) =>
      renderTemplate(template[locale], { ...data, labels: optionLabels(definition, input, locale) }, locale),
    );
  const rules: RuleResult[] = definition.rules.map((rule) => {
    const base = { id: rule.id, label: rule.label, kind: rule.kind, severity: rule.severity };
    try {
      const applicable = rule.when === undefined || truthy(applyLogic(rule.when, data));
      if (!applicable) {
        return {
          ...base,
          applicable,
          passed: null,
          explanation: rule.notApplicable
            ? rendered(rule.notApplicable)
            : text('Nicht anwendbar.', 'Does not apply.'),
        };
      }
      const passed = truthy(applyLogic(rule.check, data));
      return { ...base, applicable, passed, explanation: rendered(passed ? rule.pass : rule.fail) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        applicable: true,
        passed: false,
        error: message,
        explanation: text(
          `Die Regel konnte nicht ausgewertet werden (${message}). Bitte von Hand prüfen.`,
          `The rule could not be evaluated (${message}). Check by hand.`,
        ),
      };
    }
  });

  const failed: Evaluation['failed'] = {
    completeness: 0,
    eligibility: 0,
    amount: 0,
    formal: 0,
    blocking: 0,
    hints: 0,
  };
  for (const rule of rules) {
    if (rule.passed !== false) continue;
    if (rule.severity === 'hint') failed.hints++;
    else {
      failed.blocking++;
      failed[rule.kind]++;
    }
  }
  const outcomeData = {
    ...data,
    rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.passed])),
    failed,
  };
  const outcome =
    definition.outcomes.find(
      (entry) => entry.when === undefined || truthy(applyLogic(entry.when, outcomeData)),
    ) ?? definition.outcomes[definition.outcomes.length - 1]!;
  const instruction = renderTemplate(
    outcome.instruction,
    { ...data, labels: optionLabels(definition, input, 'de') },
    'de',
  );
  return { computed, rules, failed, outcome: { id: outcome.id, label: outcome.label, instruction } };
}

const mark = {
  de: { true: 'erfüllt', false: 'nicht erfüllt', null: 'nicht anwendbar', hint: 'Hinweis' },
  en: { true: 'met', false: 'not met', null: 'does not apply', hint: 'note' },
};

/** The rule results as a plain list for a prompt or a letter, e.g. "- nicht erfüllt – Satzung: …". */
export function ruleList(
  rules: RuleResult[],
  locale: Locale,
  filter: (rule: RuleResult) => boolean = () => true,
): string {
  const lines = rules.filter(filter).map((rule) => {
    const state =
      rule.passed === false && rule.severity === 'hint'
        ? mark[locale].hint
        : mark[locale][String(rule.passed) as 'true' | 'false' | 'null'];
    return `- ${state} – ${rule.label[locale]}: ${rule.explanation[locale]}`;
  });
  return lines.length > 0 ? lines.join('\n') : locale === 'de' ? '- keine' : '- none';
}
