import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/crypto.js';
import { packageRoot } from '../core/paths.js';
import { workflowDefinitionSchema, ruleKinds, type WorkflowDefinition } from './definition-schema.js';
import { logicProblems, type Scope } from './json-logic.js';
import { malformedPlaceholders, placeholderPaths } from './template.js';

export type LoadedDefinition = { definition: WorkflowDefinition; hash: string; origin: string };

export class DefinitionError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`workflow definition ${origin} is invalid:\n  ${problems.join('\n  ')}`);
  }
}

// tsc does not copy YAML: a build that copies definitions/ next to the compiled module wins, else src/ is read.
const besideModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'definitions');
export const shippedDefinitionsDir = existsSync(besideModule)
  ? besideModule
  : path.join(packageRoot, 'src', 'workflows', 'definitions');

/** Every `*.yaml`, `*.yml` and `*.json` in a folder, sorted by name; a missing folder holds none. */
export function loadDefinitionDir(dir: string, originPrefix: string): LoadedDefinition[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => parseDefinition(readFileSync(path.join(dir, file), 'utf8'), `${originPrefix}:${file}`));
}

/** Parses (YAML is a superset of JSON), validates and hashes one definition; every problem at once. */
export function parseDefinition(source: string, origin: string): LoadedDefinition {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    throw new DefinitionError(origin, [(error as Error).message]);
  }
  const parsed = workflowDefinitionSchema.safeParse(raw);
  if (!parsed.success)
    throw new DefinitionError(
      origin,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  const definition = parsed.data;
  const problems = referenceProblems(definition);
  if (problems.length > 0) throw new DefinitionError(origin, problems);
  return { definition, hash: sha256Hex(canonicalJson(definition)), origin };
}

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function referenceProblems(definition: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const fields = new Map(definition.form.fields.map((field) => [field.name, field]));
  const params = new Set(Object.keys(definition.parameters));
  const computedIds = definition.computed.map((entry) => entry.id);
  const ruleIds = definition.rules.map((rule) => rule.id);
  for (const [what, values] of [
    ['field', [...definition.form.fields.map((field) => field.name)]],
    ['computed', computedIds],
    ['rule', ruleIds],
    ['outcome', definition.outcomes.map((outcome) => outcome.id)],
  ] as const) {
    for (const duplicate of duplicates([...values])) problems.push(`${what} "${duplicate}" is defined twice`);
  }
  for (const field of definition.form.fields) {
    const choice = field.type === 'select' || field.type === 'multiselect';
    if (choice !== !!field.options?.length)
      problems.push(
        `form.fields.${field.name}: options are for select and multiselect fields, and those need them`,
      );
  }
  if (!fields.has(definition.titleField)) problems.push(`titleField: no field "${definition.titleField}"`);
  if (definition.recipientField && fields.get(definition.recipientField)?.type !== 'email')
    problems.push(`recipientField: "${definition.recipientField}" is not an email field`);

  const base: Scope = { input: new Set(fields.keys()), params, computed: new Set(computedIds) };
  definition.computed.forEach((entry, index) => {
    problems.push(
      ...logicProblems(
        entry.value,
        { ...base, computed: new Set(computedIds.slice(0, index)) },
        `computed.${entry.id}`,
      ),
    );
  });
  const textScope: Scope = {
    ...base,
    labels: new Set([...fields.values()].filter((field) => field.options).map((field) => field.name)),
  };
  for (const rule of definition.rules) {
    if (rule.when !== undefined) problems.push(...logicProblems(rule.when, base, `rules.${rule.id}.when`));
    problems.push(...logicProblems(rule.check, base, `rules.${rule.id}.check`));
    for (const key of ['pass', 'fail', 'notApplicable'] as const) {
      for (const locale of ['de', 'en'] as const)
        problems.push(
          ...templateProblems(rule[key]?.[locale], textScope, `rules.${rule.id}.${key}.${locale}`),
        );
    }
  }
  const outcomeScope: Scope = {
    ...base,
    rules: new Set(ruleIds),
    failed: new Set([...ruleKinds, 'blocking', 'hints']),
  };
  definition.outcomes.forEach((outcome, index) => {
    const last = index === definition.outcomes.length - 1;
    if (last && outcome.when !== undefined)
      problems.push(`outcomes.${outcome.id}: the last outcome is the fallback and has no "when"`);
    if (!last && outcome.when === undefined)
      problems.push(`outcomes.${outcome.id}: only the last outcome may omit "when"`);
    if (outcome.when !== undefined)
      problems.push(...logicProblems(outcome.when, outcomeScope, `outcomes.${outcome.id}.when`));
    problems.push(...templateProblems(outcome.instruction, textScope, `outcomes.${outcome.id}.instruction`));
  });
  const draftScope: Scope = {
    ...textScope,
    rules: new Set(['all_list', 'failed_list', 'hints_list', 'passed_list']),
    outcome: new Set(['id', 'label', 'instruction']),
    case: new Set(['reference', 'submitted_on']),
  };
  problems.push(...templateProblems(definition.draft.template, draftScope, 'draft.template'));
  return problems;
}

function templateProblems(template: string | undefined, scope: Scope, where: string): string[] {
  if (!template) return [];
  const problems = malformedPlaceholders(template).map(
    (placeholder) => `${where}: malformed placeholder ${placeholder}`,
  );
  for (const placeholder of placeholderPaths(template)) {
    const [root = '', name] = placeholder.split('.');
    const names = scope[root];
    if (!names || (names !== 'any' && (name === undefined || !names.has(name))))
      problems.push(`${where}: {{${placeholder}}} names nothing`);
  }
  return problems;
}
