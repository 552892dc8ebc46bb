/**
 * Builds de.jsonl and en.jsonl from the annotated sources de.src.txt and en.src.txt:
 * `[[person:Anna Schmidt]]` marks an entity, `{{iban DE spaced}}` inserts a freshly generated valid
 * identifier, `\n` is a line break. A fixed seed keeps the output stable; a hash of each source line puts
 * about a quarter of the texts into the held-out split.
 * Run: npx tsx src/guard/corpus/build-corpus.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { healthInsuranceNumberValid, ibanValid, icaoCheckDigit, luhnValid, pensionNumberValid, taxIdValid } from '../checksums.js';
import { entityTypes, type EntityType } from '../entity.js';

export type CorpusEntity = { start: number; end: number; type: EntityType };
export type CorpusItem = { text: string; entities: CorpusEntity[]; split: 'dev' | 'holdout' };

function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20_260_701);
const digit = () => String(Math.floor(random() * 10));
const digits = (count: number) => Array.from({ length: count }, digit).join('');
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const group = (value: string, size = 4) => value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(' ');

const bban: Record<string, () => string> = {
  DE: () => digits(18),
  AT: () => digits(16),
  CH: () => digits(17),
  FR: () => digits(23),
  NL: () => pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + digits(10),
  BE: () => digits(12),
  IT: () => 'X' + digits(22),
  ES: () => digits(20),
  PL: () => digits(24),
  GB: () => pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + digits(14),
  LU: () => digits(16),
  DK: () => digits(14),
};

function iban(country: string): string {
  const body = bban[country]!();
  for (let check = 2; check < 99; check++) {
    const candidate = country + String(check).padStart(2, '0') + body;
    if (ibanValid(candidate)) return candidate;
  }
  throw new Error('no IBAN check digits');
}

function taxId(): string {
  for (;;) {
    const value = String(1 + Math.floor(random() * 9)) + digits(10);
    if (taxIdValid(value)) return value;
  }
}

const cardPrefixes: Record<string, [string, number]> = { visa: ['4', 16], mc: ['5' + (1 + Math.floor(random() * 5)), 16], amex: ['37', 15], maestro: ['6759', 16] };

function card(scheme: string): string {
  const [prefix, length] = cardPrefixes[scheme]!;
  for (;;) {
    const value = prefix + digits(length - prefix.length);
    if (luhnValid(value)) return value;
  }
}

function pensionNumber(): string {
  for (;;) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const value = pick(['12', '13', '24', '25', '28', '38', '42', '53', '65', '66', '79']) + day + month + digits(2) + pick([...'ABDFGHKLMNPRSTWZ']) + digits(3);
    if (pensionNumberValid(value)) return value;
  }
}

function healthNumber(): string {
  for (;;) {
    const value = pick([...'ABCDEFGHKLMNRSTWZ']) + digits(9);
    if (healthInsuranceNumberValid(value)) return value;
  }
}

function documentNumber(first: string): string {
  const alphabet = 'CFGHJKLMNPRTVWXYZ0123456789';
  const serial = first + Array.from({ length: 8 }, () => pick([...alphabet])).join('');
  return serial + icaoCheckDigit(serial);
}

function slot(spec: string): string {
  const [kind, option, style] = spec.trim().split(/\s+/);
  switch (kind) {
    case 'iban': {
      const value = iban(option ?? 'DE');
      return option === undefined || style === 'spaced' ? group(value) : value;
    }
    case 'card': {
      const value = card(option ?? 'visa');
      return style === 'spaced' ? group(value) : style === 'dashed' ? group(value).replace(/ /g, '-') : value;
    }
    case 'taxid': {
      const value = taxId();
      return option === 'spaced' ? `${value.slice(0, 2)} ${value.slice(2, 5)} ${value.slice(5, 8)} ${value.slice(8)}` : value;
    }
    case 'rvnr': {
      const value = pensionNumber();
      return option === 'spaced' ? `${value.slice(0, 2)} ${value.slice(2, 8)} ${value[8]} ${value.slice(9)}` : value;
    }
    case 'kvnr':
      return healthNumber();
    case 'perso':
      return documentNumber(pick([...'LMNPRTVWXYZ']));
    case 'pass':
      return documentNumber('C');
    default:
      throw new Error(`unknown slot {{${spec}}}`);
  }
}

const aliases: Record<string, EntityType> = {
  per: 'person', em: 'email', ph: 'phone', card: 'payment_card', tax: 'tax_id', sv: 'social_insurance', id: 'id_document',
  plate: 'license_plate', addr: 'address', dob: 'date_of_birth', ip: 'ip_address', sc: 'special_category',
};

function parseLine(source: string): { text: string; entities: CorpusEntity[] } {
  const expanded = source.replace(/\{\{([^}]+)\}\}/g, (_, spec: string) => slot(spec)).replace(/\\n/g, '\n');
  let text = '';
  const entities: CorpusEntity[] = [];
  const markup = /\[\[([a-z_]+):([\s\S]+?)\]\]/g;
  let position = 0;
  for (let match = markup.exec(expanded); match !== null; match = markup.exec(expanded)) {
    const type = aliases[match[1]!] ?? (match[1] as EntityType);
    if (!entityTypes.includes(type)) throw new Error(`unknown entity type ${match[1]} in: ${source}`);
    text += expanded.slice(position, match.index);
    entities.push({ start: text.length, end: text.length + match[2]!.length, type });
    text += match[2]!;
    position = match.index + match[0].length;
  }
  return { text: text + expanded.slice(position), entities };
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function build(language: string): void {
  const source = fileURLToPath(new URL(`./${language}.src.txt`, import.meta.url));
  const lines = readFileSync(source, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  // The split depends only on the source line, so adding lines never moves a text between dev and held-out.
  const output = lines.map((line): CorpusItem => ({ ...parseLine(line), split: fnv1a(line) % 4 === 0 ? 'holdout' : 'dev' }));
  const holdout = output.filter((item) => item.split === 'holdout');
  writeFileSync(fileURLToPath(new URL(`./${language}.jsonl`, import.meta.url)), output.map((item) => JSON.stringify(item)).join('\n') + '\n');
  console.log(`${language}: ${output.length} items, ${holdout.length} held out`);
}

build('de');
build('en');
