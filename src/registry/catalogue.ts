import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { packageRoot } from '../core/paths.js';
import { modelCardSchema, providerEntrySchema, type ModelCard, type ProviderEntry } from './model-card.js';

/**
 * The shipped starting catalogue (issue 4, item 10): YAML files beside this module, validated against the
 * card schemas and checked for references. The registry service seeds its tables from it; the YAML stays
 * the reviewable source.
 */

export type Catalogue = { models: ModelCard[]; providers: ProviderEntry[] };
export type CatalogueText = { models: string; providers: string };

// tsc does not copy YAML: a build that copies catalogue/ next to the compiled module wins, else src/ is read.
const besideModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue');
export const catalogueDir = existsSync(besideModule)
  ? besideModule
  : path.join(packageRoot, 'src', 'registry', 'catalogue');

export function loadCatalogue(dir: string = catalogueDir): Catalogue {
  return parseCatalogue({
    models: readFileSync(path.join(dir, 'models.yaml'), 'utf8'),
    providers: readFileSync(path.join(dir, 'providers.yaml'), 'utf8'),
  });
}

/** Parses and validates both lists; every problem is reported at once, with its path. */
export function parseCatalogue(source: CatalogueText): Catalogue {
  const problems: string[] = [];
  const models = validate('models', source.models, z.array(modelCardSchema), problems);
  const providers = validate('providers', source.providers, z.array(providerEntrySchema), problems);
  if (models && providers) problems.push(...referenceProblems({ models, providers }));
  if (problems.length > 0 || !models || !providers) {
    throw new ServiceError(
      'VALIDATION',
      text('Der Modellkatalog ist ungültig', 'The model catalogue is invalid'),
      {
        reason: 'catalogue_invalid',
        extra: { problems },
      },
    );
  }
  return { models, providers };
}

function validate<T>(
  name: string,
  yamlText: string,
  schema: z.ZodType<T>,
  problems: string[],
): T | undefined {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    problems.push(`${name}: not valid YAML (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(data ?? []);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((issue) => `${name}[${issue.path.join('.')}]: ${issue.message}`));
  return undefined;
}

/** Cross-entry rules the per-entry schemas cannot see. */
export function referenceProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const providers = new Map<string, ProviderEntry>();
  for (const provider of catalogue.providers) {
    if (providers.has(provider.id)) problems.push(`providers.${provider.id}: id is used twice`);
    providers.set(provider.id, provider);
  }
  const modelIds = new Set<string>();
  for (const card of catalogue.models) {
    if (modelIds.has(card.id)) problems.push(`models.${card.id}: id is used twice`);
    modelIds.add(card.id);
    const usable = card.providers.filter((item) => {
      const provider = providers.get(item.provider);
      if (!provider) {
        problems.push(`models.${card.id}: provider "${item.provider}" is not in the provider list`);
        return false;
      }
      if (!card.hosting.includes(provider.zone)) {
        problems.push(
          `models.${card.id}: offered in zone ${provider.zone} by ${provider.id}, but hosting lists ${card.hosting.join(', ')}`,
        );
      }
      return provider.status === 'recommended' || provider.status === 'approved';
    });
    // A model cleared for everyday use needs at least one provider cleared for it too.
    if ((card.status === 'recommended' || card.status === 'approved') && usable.length === 0) {
      problems.push(
        `models.${card.id}: status ${card.status}, but no provider of it is recommended or approved`,
      );
    }
  }
  return problems;
}
