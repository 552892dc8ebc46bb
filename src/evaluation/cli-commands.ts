import { z } from 'zod';
import { locales } from '../core/l10n.js';
import type { Caller } from '../identity/principal.js';
import type { Services } from '../server/compose.js';
import { datasetFormats } from './run-types.js';
import { categories } from './suite-schema.js';

/**
 * The evaluation's admin commands (`leitplanke eval …`), run directly on the database or through the running
 * server's admin socket like every other admin command (src/cli/admin-commands.ts spreads them in).
 */

type Command<S extends z.ZodType> = { input: S; run: (services: Services, input: z.output<S>, caller: Caller) => Promise<unknown> };
const command = <S extends z.ZodType>(input: S, run: Command<S>['run']): Command<S> => ({ input, run });

/** `all`, `none` (only datasets) or a comma-separated list of categories. */
const suiteOption = z
  .string()
  .default('all')
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.union([z.tuple([z.literal('all')]), z.tuple([z.literal('none')]), z.array(z.enum(categories)).min(1)]))
  .transform((parts) => (parts[0] === 'all' || parts[0] === 'none' ? parts[0] : (parts as (typeof categories)[number][])));

const runRef = z.object({ run: z.string().uuid() });

export const evaluationAdminCommands = {
  'eval.start': command(
    z.object({
      model: z.string().min(1),
      suite: suiteOption,
      language: z.array(z.enum(locales)).min(1).default(['de', 'en']),
      dataset: z.array(z.string().min(1)).default([]),
      limit: z.coerce.number().int().min(1).optional(),
      concurrency: z.coerce.number().int().min(1).max(16).optional(),
      note: z.string().max(500).optional(),
    }),
    async (services, input, caller) => {
      const datasets = await services.evaluation.datasets.resolve(input.dataset);
      return services.evaluation.runs.start(caller, {
        modelId: input.model,
        selection: { suites: input.suite, languages: input.language, datasets, ...(input.limit ? { limitPerCategory: input.limit } : {}) },
        settings: input.concurrency ? { concurrency: input.concurrency } : {},
        ...(input.note ? { note: input.note } : {}),
      });
    },
  ),
  'eval.status': command(runRef, async (services, input, caller) => services.evaluation.runs.get(caller, input.run)),
  'eval.report': command(runRef, async (services, input, caller) => services.evaluation.runs.report(caller, input.run)),
  'eval.resume': command(runRef, async (services, input, caller) => services.evaluation.runs.resume(caller, input.run)),
  'eval.cancel': command(runRef, async (services, input, caller) => services.evaluation.runs.cancel(caller, input.run)),
  'eval.list': command(z.object({ model: z.string().optional() }), async (services, input, caller) =>
    services.evaluation.runs.list(caller, { modelId: input.model, limit: 50 }),
  ),
  'eval.import': command(
    z.object({ path: z.string().min(1), name: z.string().min(1).max(100).optional(), format: z.enum(datasetFormats).optional() }),
    async (services, input, caller) => services.evaluation.datasets.importFile(caller, input.path, input.name, input.format),
  ),
};
