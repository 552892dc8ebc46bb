import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { opennessDimensions, type Openness, type OpennessDimension } from './model-card.js';

/**
 * Reads the European Open Source AI Index's YAML (one file per model, github.com/Language-Technology-Assessment/
 * main-database, CC BY 4.0, cite osai-index.eu) and maps it onto the card's openness. The files are hand-written,
 * so every field is optional here and oddities become warnings, not failures.
 */

export const osaiClasses = ['open', 'partial', 'closed'] as const;
export type OsaiClass = (typeof osaiClasses)[number];

export type OsaiParameter = { class: OsaiClass | null; links: string[]; notes: string | null };

export type OsaiRecord = {
  system: {
    name: string | null;
    link: string | null;
    type: string | null;
    performanceClass: string | null;
    baseModel: string | null;
    endModel: string | null;
    endModelLicence: string | null;
    releaseDate: string | null;
    notes: string | null;
  };
  organisation: { name: string | null; link: string | null; notes: string | null };
  /** null: the parameter is missing from the file. */
  parameters: Record<OpennessDimension, OsaiParameter | null>;
  sourceUrl: string | null;
  sourceDate: string | null;
  warnings: string[];
};

export type OsaiParseOptions = { sourceDate?: string; sourceUrl?: string };

const indexName = 'European Open Source AI Index';
const indexHome = 'https://osai-index.eu/';

export function parseOsaiYaml(source: string, options: OsaiParseOptions = {}): OsaiRecord {
  const documents = parseAllDocuments(source);
  const errors = documents.flatMap((document) => document.errors.map((error) => error.message));
  const data = documents.map((document) => document.toJS() as unknown).find(isMapping);
  if (errors.length > 0 || !data) {
    throw new ServiceError('VALIDATION', text('Keine lesbare OSAI-Datei', 'Not a readable OSAI file'), {
      reason: 'osai_unreadable',
      extra: { problems: errors.length > 0 ? errors : ['no mapping at the top level'] },
    });
  }
  const warnings: string[] = [];
  const system = isMapping(data.system) ? data.system : {};
  const organisation = isMapping(data.org) ? data.org : {};
  // Some files spell the licence key with a space (GANSynth, MusicLDM, Rave, StableAudio).
  const licence = system.endmodellicense ?? system['endmodel license'];
  const parameters = Object.fromEntries(
    opennessDimensions.map((dimension) => [dimension, readParameter(dimension, data[dimension], warnings)]),
  ) as Record<OpennessDimension, OsaiParameter | null>;
  return {
    system: {
      name: scalar(system.name),
      link: scalar(system.link),
      type: scalar(system.type),
      performanceClass: scalar(system.performanceclass),
      baseModel: scalar(system.basemodelname),
      endModel: scalar(system.endmodelname),
      endModelLicence: scalar(licence),
      releaseDate: scalar(system.releasedate),
      notes: scalar(system.notes),
    },
    organisation: {
      name: scalar(organisation.name),
      link: scalar(organisation.link),
      notes: scalar(organisation.notes),
    },
    parameters,
    sourceUrl: options.sourceUrl ?? null,
    sourceDate: options.sourceDate ?? null,
    warnings,
  };
}

function readParameter(dimension: string, value: unknown, warnings: string[]): OsaiParameter | null {
  if (value === undefined || value === null) {
    warnings.push(`${dimension}: missing`);
    return null;
  }
  if (!isMapping(value)) {
    warnings.push(`${dimension}: not a mapping`);
    return null;
  }
  const raw = scalar(value.class)?.toLowerCase() ?? null;
  const known = (osaiClasses as readonly string[]).includes(raw ?? '') ? (raw as OsaiClass) : null;
  if (known === null)
    warnings.push(`${dimension}: class ${JSON.stringify(value.class ?? null)} is not open/partial/closed`);
  const rawLinks = Array.isArray(value.link) ? value.link : [value.link];
  const links = rawLinks.map(scalar).filter((link): link is string => link !== null);
  const urls = links.filter(isHttpUrl);
  if (urls.length < links.length)
    warnings.push(`${dimension}: ${links.length - urls.length} link(s) are not http(s) URLs`);
  return { class: known, links: urls, notes: scalar(value.notes) };
}

/** Per-dimension ratings with their evidence; a missing or unreadable class becomes `unknown`. */
export function mapOsaiToOpenness(record: OsaiRecord): Openness {
  const dimensions = Object.fromEntries(
    opennessDimensions.map((dimension) => {
      const parameter = record.parameters[dimension];
      const note = parameter?.notes ?? (parameter ? undefined : 'not rated in the index file');
      return [
        dimension,
        {
          rating: parameter?.class ?? 'unknown',
          evidence: parameter?.links ?? [],
          ...(note ? { note } : {}),
        },
      ];
    }),
  ) as Openness['dimensions'];
  return {
    assessedBy: indexName,
    assessedModel: record.system.endModel ?? record.system.baseModel ?? record.system.name ?? 'unnamed',
    source: record.sourceUrl ?? indexHome,
    date: record.sourceDate,
    dimensions,
  };
}

export type OsaiDirectoryEntry = { file: string; record: OsaiRecord };
export type OsaiDirectoryImport = {
  entries: OsaiDirectoryEntry[];
  problems: { file: string; message: string }[];
};

/**
 * Every `*.yaml`/`*.yml` in `dir` except the index's own `_parameters*` files. A file that cannot be read,
 * or names no system (the submission template), is reported in `problems` instead of being imported.
 */
export function importOsaiDirectory(dir: string, options: { sourceDate?: string } = {}): OsaiDirectoryImport {
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file) && !file.startsWith('_'))
    .sort();
  const entries: OsaiDirectoryEntry[] = [];
  const problems: OsaiDirectoryImport['problems'] = [];
  for (const file of files) {
    try {
      const sourceUrl = `${indexHome}model/${encodeURIComponent(file.replace(/\.ya?ml$/, ''))}`;
      const record = parseOsaiYaml(readFileSync(path.join(dir, file), 'utf8'), { ...options, sourceUrl });
      if (record.system.name === null)
        problems.push({ file, message: 'names no system (template or empty file)' });
      else entries.push({ file, record });
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
    }
  }
  return { entries, problems };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strings as trimmed text, numbers and dates (YAML 1.1 habits) as text, anything else as absent. */
function scalar(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
