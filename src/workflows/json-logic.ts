import { createRequire } from 'node:module';
import type * as JsonLogicModule from 'json-logic-js';

// The package is CommonJS without named exports at run time; its types describe the module object.
const jsonLogic = createRequire(import.meta.url)('json-logic-js') as typeof JsonLogicModule;

/**
 * JSON Logic (jsonlogic.com, `json-logic-js`) is the rule language. It has no dates and no string
 * lengths, which application rules need, so a handful of pure operations are added here — operations
 * of the standard engine, not a language of our own.
 */
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDay(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : time / DAY_MS;
}

const extraOperations: Record<string, (...args: never[]) => unknown> = {
  /** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier; null if either is missing. */
  days_between: (from: unknown, to: unknown) => {
    const [a, b] = [toDay(from), toDay(to)];
    return a === null || b === null ? null : b - a;
  },
  /** The ISO date `days` after (or before, when negative) `date`. */
  add_days: (date: unknown, days: unknown) => {
    const day = toDay(date);
    if (day === null || typeof days !== 'number') return null;
    return new Date((day + days) * DAY_MS).toISOString().slice(0, 10);
  },
  /** Characters of a text (code points, so umlauts count once) or entries of a list; 0 for nothing. */
  length: (value: unknown) =>
    typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : 0,
  words: (value: unknown) => (typeof value === 'string' ? (value.trim().match(/\S+/g) ?? []).length : 0),
  /** Rounds half away from zero to `digits` places (commercial rounding of amounts). */
  round: (value: unknown, digits: unknown = 0) => {
    if (typeof value !== 'number') return null;
    const factor = 10 ** (typeof digits === 'number' ? digits : 0);
    return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
  },
  floor: (value: unknown) => (typeof value === 'number' ? Math.floor(value + 1e-9) : null),
};
for (const [operation, implementation] of Object.entries(extraOperations))
  jsonLogic.add_operation(operation, implementation as (...args: unknown[]) => unknown);

const standardOperations = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
];
export const knownOperations = new Set([...standardOperations, ...Object.keys(extraOperations)]);
const iterating = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

export function applyLogic(logic: unknown, data: Record<string, unknown>): unknown {
  return jsonLogic.apply(logic as JsonLogicModule.RulesLogic, data);
}

/** JSON Logic's truthiness: like JavaScript's, except that an empty list is false. */
export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** Which `var` roots a definition may read, and the names under each. */
export type Scope = Record<string, Set<string> | 'any'>;

/**
 * Problems of one expression: unknown operations, and `var` paths that name nothing in scope (a typo
 * in a field name would otherwise read `null` and pass or fail silently).
 */
export function logicProblems(logic: unknown, scope: Scope, where: string): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, insideIteration: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, insideIteration);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      problems.push(`${where}: an operation is an object with exactly one key, found {${keys.join(', ')}}`);
      return;
    }
    const operation = keys[0]!;
    const args = (node as Record<string, unknown>)[operation];
    if (!knownOperations.has(operation)) problems.push(`${where}: unknown operation "${operation}"`);
    if (operation === 'var') {
      const path = Array.isArray(args) ? args[0] : args;
      if (typeof path === 'string' && !insideIteration) problems.push(...varProblems(path, scope, where));
      return;
    }
    if (iterating.has(operation) && Array.isArray(args)) {
      visit(args[0], insideIteration);
      for (const inner of args.slice(1)) visit(inner, true);
      return;
    }
    visit(args, insideIteration);
  };
  visit(logic, false);
  return problems;
}

function varProblems(path: string, scope: Scope, where: string): string[] {
  const [root = '', name] = path.split('.');
  const names = scope[root];
  if (!names) return [`${where}: "${path}" reads outside ${Object.keys(scope).join('/')}`];
  if (names === 'any' || name === undefined || names.has(name)) return [];
  return [`${where}: "${path}" names nothing (known under ${root}: ${[...names].join(', ') || '–'})`];
}
