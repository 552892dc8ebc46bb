/**
 * JSON with sorted object keys, so a value hashes the same after a round trip through jsonb
 * (which reorders keys). Dates become ISO strings; undefined members are dropped like JSON.stringify.
 *
 * Written out directly rather than as JSON.stringify over a sorted copy: every gateway call hashes its
 * prompt and its audit entry with it, and the intermediate objects were a measurable share of the
 * gateway's CPU and garbage.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

/** The JSON text of a value, or undefined where JSON.stringify leaves a value out (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) out += ',';
      out += write(value[index]) ?? 'null';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The order stored hashes were made with: JavaScript puts integer-like keys ("0", "2", "10") first in
  // numeric order (as Object.keys lists them already), then the other keys sorted by UTF-16 code units.
  const keys = Object.keys(record);
  let named = 0;
  while (named < keys.length && isArrayIndex(keys[named]!)) named++;
  if (keys.length - named > 1) keys.push(...keys.splice(named).sort());
  let out = '{';
  for (const key of keys) {
    const member = write(record[key]);
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quote(key)}:${member}`;
  }
  return `${out}}`;
}

/** Characters JSON.stringify escapes (quote, backslash, control characters, lone surrogates); most strings have none. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;
}
