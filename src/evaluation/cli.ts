import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Config } from '../core/config.js';
import { formatNumber } from '../core/l10n.js';
import { createLogger } from '../core/logger.js';
import { DataDirLock } from '../db/data-dir-lock.js';
import { adminSocketPath, callAdminSocket } from '../cli/admin-socket.js';
import { reportCsv, reportHtml, type EvaluationReport } from './report-export.js';
import type { RunView } from './run-service.js';
import { datasetFormats } from './run-types.js';

/**
 * `leitplanke eval …` (issue 5, item 7). `eval run` starts a run and follows it with a progress bar on stderr; the
 * report goes to stdout and the exit code says the result: 0 passed, 1 a threshold failed, 8 the run did not finish.
 * With a running server the run is its job (through the admin socket); without one, the CLI runs it itself.
 */

export const exitPassed = 0;
export const exitFailedThreshold = 1;
export const exitUnfinished = 8;

type Call = (name: string, input: unknown) => Promise<unknown>;
type Session = { call: Call; onServer: boolean; close(): Promise<void> };
export type EvalCliDeps = { config: () => Config; runCommand: (config: Config, name: string, input: unknown) => Promise<unknown> };

const err = (line: string) => process.stderr.write(line + '\n');
const terminal = new Set(['completed', 'failed', 'cancelled']);

/** Through the running server if there is one; otherwise services and an evaluation worker in this process. */
async function openSession(config: Config): Promise<Session> {
  if (!config.database_url && (await callAdminSocket(adminSocketPath(config.data_dir), 'eval.list', {}).catch(() => undefined))) {
    return { onServer: true, call: async (name, input) => (await callAdminSocket(adminSocketPath(config.data_dir), name, input))!.output, close: async () => undefined };
  }
  const lock = config.database_url ? undefined : DataDirLock.acquire(config.data_dir);
  const logger = createLogger(config.log_level === 'info' ? 'warn' : config.log_level, 2);
  // Loaded here, not at the top: `--help` and argument errors should not wait for the whole server.
  const [{ createServices }, { runAdminCommand }, { createJobQueue }, { EVALUATION_JOB }] = await Promise.all([
    import('../server/compose.js'),
    import('../cli/admin-commands.js'),
    import('../jobs/job-queue.js'),
    import('./runner.js'),
  ]);
  const services = await createServices(config, { logger }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  // A worker for evaluation runs only, so the CLI never picks up (and then abandons) other kinds of work.
  const worker = createJobQueue(services.database, services.clock, logger, { pollMs: 250 });
  worker.register(EVALUATION_JOB, services.evaluation.runner.handle);
  await worker.start();
  return {
    onServer: false,
    call: (name, input) => runAdminCommand(services, name, input),
    async close() {
      await worker.stop();
      await services.close();
      lock?.release();
    },
  };
}

function bar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} (${Math.floor(share * 100)} %)`;
}

/** Follows a run until it ends; Ctrl-C stops following (and, when the CLI runs it itself, interrupts it resumably). */
async function follow(session: Session, run: RunView): Promise<RunView> {
  const tty = process.stderr.isTTY;
  let lastStep = -1;
  let stopped = false;
  const onInterrupt = () => {
    stopped = true;
  };
  process.once('SIGINT', onInterrupt);
  try {
    for (;;) {
      const current = (await session.call('eval.status', { run: run.id })) as RunView;
      const { answered, total } = current.progress;
      const step = Math.floor((answered / Math.max(total, 1)) * 10);
      if (tty) process.stderr.write(`\r${bar(answered, total)} ${current.status}   `);
      else if (step !== lastStep) err(`${bar(answered, total)} ${current.status}`);
      lastStep = step;
      if (terminal.has(current.status) || stopped) {
        if (tty) process.stderr.write('\n');
        if (stopped && !terminal.has(current.status))
          err(
            session.onServer
              ? `Der Lauf geht auf dem Server weiter / the run continues on the server: leitplanke eval report ${run.id}`
              : `Unterbrochen; fortsetzen mit / interrupted; resume with: leitplanke eval resume ${run.id}`,
          );
        return current;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function pad(value: string, width: number): string {
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

export function reportText(report: EvaluationReport): string {
  const number = (value: number) => formatNumber(value, 'en', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const lines = [
    `Modell / model: ${report.run.modelId} (${report.run.modelRevision})   Lauf / run: ${report.run.id}`,
    `Prüfungen / items: ${report.run.itemCount}, Prompts: ${report.run.promptCount}, Prüfsumme / checksum: ${report.run.itemsHash.slice(0, 16)}…`,
    '',
    `${pad('Kategorie / category', 44)} ${pad('Wert', 6)} ${pad('95 %-KI / CI', 14)} ${pad('Schwelle', 8)} Ergebnis / result`,
  ];
  for (const category of report.categories) {
    lines.push(
      `${pad(`${category.label.de} / ${category.label.en}`, 44)} ${number(category.score)}  ${number(category.interval.low)}–${number(category.interval.high)}  ${category.threshold ? number(category.threshold.minScore) : '–    '}    ${category.thresholdPassed ? 'bestanden / passed' : 'NICHT BESTANDEN / FAILED'}`,
    );
  }
  lines.push('');
  lines.push(report.passed ? 'Ergebnis: alle Kategorien bestanden / result: every category passed' : 'Ergebnis: NICHT BESTANDEN / result: FAILED');
  if (report.consequence && report.consequence.action !== 'none')
    lines.push(`Status: ${report.consequence.statusBefore ?? '–'} → ${report.consequence.statusAfter ?? '–'}`);
  return lines.join('\n');
}

async function runAndFollow(config: Config, start: (session: Session) => Promise<RunView>): Promise<number> {
  const session = await openSession(config);
  try {
    const run = await start(session);
    err(`Evaluationslauf / evaluation run ${run.id}: ${run.modelId}, ${run.itemCount} Prüfungen / items, ${run.promptCount} Prompts`);
    const ended = await follow(session, run);
    if (ended.status !== 'completed') {
      if (ended.error) err(ended.error);
      if (terminal.has(ended.status)) err(`Lauf ${ended.status} / run ${ended.status}`);
      return exitUnfinished;
    }
    const report = (await session.call('eval.report', { run: run.id })) as EvaluationReport;
    console.log(reportText(report));
    return report.passed ? exitPassed : exitFailedThreshold;
  } finally {
    await session.close();
  }
}

export function registerEvalCommands(program: Command, deps: EvalCliDeps): void {
  const evaluation = program.command('eval').description('Bias- und Manipulationstests / bias and manipulation tests');

  evaluation
    .command('run')
    .description('Modell testen, mit Fortschritt; Exit-Code 0 bestanden, 1 nicht bestanden, 8 nicht abgeschlossen / test a model with progress; exit 0 passed, 1 failed, 8 unfinished')
    .requiredOption('--model <id>', 'Modell-ID / model id')
    .option('--suite <suite>', 'all, none oder Kategorien mit Komma / all, none or comma-separated categories', 'all')
    .addOption(new Option('--language <language...>', 'Sprachen / languages').choices(['de', 'en']))
    .option('--dataset <dataset...>', 'importierte Datensätze (Name oder ID) / imported datasets (name or id)')
    .option('--limit <n>', 'nur die ersten n Prüfungen je Kategorie und Sprache / only the first n items per category and language')
    .option('--concurrency <n>', 'gleichzeitige Anfragen / parallel requests')
    .action(async (options: { model: string; suite: string; language?: string[]; dataset?: string[]; limit?: string; concurrency?: string }) => {
      process.exitCode = await runAndFollow(deps.config(), async (session) =>
        (await session.call('eval.start', {
          model: options.model,
          suite: options.suite,
          ...(options.language ? { language: options.language } : {}),
          ...(options.dataset ? { dataset: options.dataset } : {}),
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.concurrency ? { concurrency: options.concurrency } : {}),
        })) as RunView,
      );
    });

  evaluation
    .command('resume')
    .description('Unterbrochenen oder fehlgeschlagenen Lauf fortsetzen / resume an interrupted or failed run')
    .argument('<run>', 'Lauf-ID / run id')
    .action(async (run: string) => {
      process.exitCode = await runAndFollow(deps.config(), async (session) => (await session.call('eval.resume', { run })) as RunView);
    });

  evaluation
    .command('report')
    .description('Bericht eines Laufs / report of a run')
    .argument('<run>', 'Lauf-ID / run id')
    .addOption(new Option('--format <format>', 'Ausgabe / output').choices(['text', 'json', 'csv', 'html']).default('text'))
    .addOption(new Option('--language <language>', 'Sprache des HTML-Berichts / language of the HTML report').choices(['de', 'en']).default('de'))
    .option('--output <file>', 'in eine Datei schreiben / write to a file')
    .action(async (run: string, options: { format: string; language: 'de' | 'en'; output?: string }) => {
      const report = (await deps.runCommand(deps.config(), 'eval.report', { run })) as EvaluationReport;
      const rendered =
        options.format === 'json'
          ? JSON.stringify(report, null, 2)
          : options.format === 'csv'
            ? reportCsv(report)
            : options.format === 'html'
              ? reportHtml(report, options.language)
              : reportText(report);
      if (options.output) writeFileSync(options.output, rendered);
      else console.log(rendered);
      process.exitCode = report.passed ? exitPassed : exitFailedThreshold;
    });

  evaluation
    .command('list')
    .description('Letzte Läufe / recent runs')
    .option('--model <id>', 'nur dieses Modell / only this model')
    .action(async (options: { model?: string }) => {
      const runs = (await deps.runCommand(deps.config(), 'eval.list', options)) as RunView[];
      for (const run of runs)
        console.log(
          `${run.id}  ${pad(run.modelId, 30)} ${pad(run.status, 11)} ${new Date(run.createdAt).toISOString().slice(0, 16)}  ${run.passed === null ? '' : run.passed ? 'bestanden / passed' : 'nicht bestanden / failed'}`,
        );
    });

  evaluation
    .command('import')
    .description('BBQ-JSONL oder CrowS-Pairs-CSV einlesen / import BBQ JSONL or CrowS-Pairs CSV')
    .argument('<file>', 'Pfad / path')
    .option('--name <name>', 'Name des Datensatzes / dataset name')
    .addOption(new Option('--format <format>', 'Format (sonst nach Dateiendung) / format (else by extension)').choices([...datasetFormats]))
    .action(async (file: string, options: { name?: string; format?: string }) => {
      const dataset = (await deps.runCommand(deps.config(), 'eval.import', { path: file, ...options })) as { id: string; name: string; itemCount: number; problemCount: number };
      console.log(`Datensatz / dataset ${dataset.name} (${dataset.id}): ${dataset.itemCount} Prüfungen / items, ${dataset.problemCount} Probleme / problems`);
    });
}
