/**
 * Parser for the Prometheus text exposition format 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats/): `# HELP`/`# TYPE` lines and samples
 * `name{label="value",…} value [timestamp_ms]`, label values escaping \\, \" and \n.
 */

export type MetricSample = {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
  timestampMs?: number;
};

export type ParsedExposition = {
  samples: MetricSample[];
  /** `# TYPE` declarations by metric family name. */
  types: Map<string, string>;
  /** Lines that are not valid exposition format, with their 1-based number; they are skipped. */
  problems: { line: number; message: string }[];
};

const namePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]*/;

export function parseExposition(body: string): ParsedExposition {
  const result: ParsedExposition = { samples: [], types: new Map(), problems: [] };
  body.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const type = /^#\s+TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (type) result.types.set(type[1]!, type[2]!);
      return;
    }
    try {
      result.samples.push(parseSample(line));
    } catch (error) {
      result.problems.push({ line: index + 1, message: (error as Error).message });
    }
  });
  return result;
}

function parseSample(line: string): MetricSample {
  const name = namePattern.exec(line)?.[0];
  if (!name) throw new Error('expected a metric name');
  // Like Prometheus' own parser (expfmt), blanks may separate the tokens.
  let rest = line.slice(name.length).trimStart();
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) break;
      const labelName = labelNamePattern.exec(rest)?.[0];
      if (!labelName) throw new Error('expected a label name');
      rest = rest.slice(labelName.length).trimStart();
      if (!rest.startsWith('=')) throw new Error(`expected = after label ${labelName}`);
      rest = rest.slice(1).trimStart();
      if (!rest.startsWith('"')) throw new Error(`expected a quoted value for label ${labelName}`);
      const [value, after] = readQuoted(rest.slice(1));
      labels[labelName] = value;
      rest = after.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new Error('expected , or } after a label');
    }
    rest = rest.slice(1);
  }
  const fields = rest.trim().split(/[ \t]+/);
  if (fields.length < 1 || fields.length > 2 || fields[0] === '')
    throw new Error('expected a value and an optional timestamp');
  const value = parseValue(fields[0]!);
  const sample: MetricSample = { name, labels, value };
  if (fields[1] !== undefined) {
    const timestampMs = Number(fields[1]);
    if (!Number.isInteger(timestampMs)) throw new Error(`timestamp is not an integer: ${fields[1]}`);
    sample.timestampMs = timestampMs;
  }
  return sample;
}

/** The quoted label value up to its closing quote, unescaped, and what follows the quote. */
function readQuoted(text: string): [string, string] {
  let value = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') return [value, text.slice(index + 1)];
    if (char === '\\') {
      const next = text[index + 1];
      value += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next ?? ''}`;
      index += 1;
    } else value += char;
  }
  throw new Error('unterminated label value');
}

function parseValue(text: string): number {
  if (/^[+]?Inf$/i.test(text)) return Infinity;
  if (/^-Inf$/i.test(text)) return -Infinity;
  if (/^NaN$/i.test(text)) return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a number: ${text}`);
  return value;
}
