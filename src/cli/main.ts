import { readFileSync, writeFileSync } from 'node:fs';
import { Argument, Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../core/config.js';
import { exitCodeByCode, isServiceError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { packageVersion } from '../core/paths.js';
import { DataDirBusyError, DataDirLock } from '../db/data-dir-lock.js';
import { roles } from '../identity/roles.js';
import { orgKinds } from '../identity/inputs.js';
import { exclusionCategories, modelStatuses } from '../registry/model-card.js';
import { zones } from '../core/config.js';
import { knownDownloads } from '../gateway/model-files.js';
import { adapterFactories } from '../gateway/adapters.js';
import { fieldIssuesFromZod } from '../server/problem.js';
import { z } from 'zod';
import { adminSocketPath, callAdminSocket } from './admin-socket.js';
import { registerEvalCommands } from '../evaluation/cli.js';

const err = (line: string) => process.stderr.write(line + '\n');
// The server's modules (database, providers, document libraries) are imported inside the commands that
// need them, so that `--help` and argument errors answer at once.

/** Runs an admin command through the running server if there is one, else directly on the database. */
async function runCommand(config: Config, name: string, input: unknown): Promise<unknown> {
  if (!config.database_url) {
    const viaServer = await callAdminSocket(adminSocketPath(config.data_dir), name, input);
    if (viaServer) return viaServer.output;
  }
  const lock = config.database_url ? undefined : DataDirLock.acquire(config.data_dir);
  const [{ createServices }, { runAdminCommand }] = await Promise.all([import('../server/compose.js'), import('./admin-commands.js')]);
  const services = await createServices(config, { logger: createLogger(config.log_level === 'info' ? 'warn' : config.log_level, 2) }).catch(
    (error: unknown) => {
      lock?.release();
      throw error;
    },
  );
  try {
    const admin = services.bootstrap.createdAdmin;
    if (admin?.password) err(`Erstes Administrationskonto / first admin: ${admin.email}  Einmalpasswort / one-time password: ${admin.password}`);
    return await runAdminCommand(services, name, input);
  } finally {
    await services.close();
    lock?.release();
  }
}

function config(): Config {
  return loadConfig(process.env);
}

const program = new Command();
program
  .name('leitplanke')
  .description('Leitplanke – souveräne KI-Plattform mit durchgesetzter Governance / sovereign AI platform with enforced governance')
  .version(packageVersion)
  .showHelpAfterError();

program
  .command('start')
  .description('Server starten (Datenbank migrieren, erstes Konto anlegen) / start the server')
  .action(async () => {
    const { startServer } = await import('./start-server.js');
    const running = await startServer(config());
    const shutdown = async (signal: string) => {
      running.services.logger.info({ signal }, 'shutting down');
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  });

program
  .command('migrate')
  .description('Datenbank-Migrationen anwenden (der Server tut das beim Start auch) / apply database migrations')
  .action(async () => {
    const current = config();
    const lock = current.database_url ? undefined : DataDirLock.acquire(current.data_dir);
    const [{ openConfiguredDatabase }, { runMigrations }] = await Promise.all([import('../server/compose.js'), import('../db/migrate.js')]);
    const database = await openConfiguredDatabase(current);
    try {
      await runMigrations(database);
      console.log('Migrationen angewendet / migrations applied');
    } finally {
      await database.close();
      lock?.release();
    }
  });

const user = program.command('user').description('Konten verwalten / manage accounts');
user
  .command('create')
  .description('Konto anlegen oder Rollen vergeben / create an account or grant roles')
  .requiredOption('--email <email>', 'E-Mail-Adresse')
  .requiredOption('--name <name>', 'Anzeigename / display name')
  .option('--org <slug>', 'Organisation (Kürzel); Standard: Hauptorganisation / default: root organisation')
  .addOption(new Option('--role <role...>', 'Rolle(n) / role(s)').choices(roles).default(['member']))
  .option('--password <password>', 'Passwort (sonst Einmalpasswort) / password (else a one-time password)')
  .action(async (options: { email: string; name: string; org?: string; role: string[]; password?: string }) => {
    const result = (await runCommand(config(), 'user.create', { ...options, roles: options.role })) as {
      user: { email: string; roles: string[] };
      oneTimePassword?: string;
      created: boolean;
    };
    console.log(`${result.created ? 'Angelegt / created' : 'Rollen vergeben / roles granted'}: ${result.user.email} (${result.user.roles.join(', ')})`);
    if (result.oneTimePassword) console.log(`Einmalpasswort / one-time password: ${result.oneTimePassword}`);
  });
user
  .command('reset-password')
  .description('Einmalpasswort setzen / set a one-time password')
  .requiredOption('--email <email>', 'E-Mail-Adresse')
  .action(async (options: { email: string }) => {
    const result = (await runCommand(config(), 'user.reset-password', options)) as { email: string; oneTimePassword: string };
    console.log(`Einmalpasswort für / one-time password for ${result.email}:`);
    console.log(result.oneTimePassword);
  });

program
  .command('org')
  .description('Organisationen verwalten / manage organisations')
  .command('create')
  .description('Untergliederung anlegen / create a sub-organisation')
  .requiredOption('--slug <slug>', 'Kürzel, z. B. / e.g. lv-sachsen')
  .requiredOption('--name <name>', 'Name')
  .addOption(new Option('--kind <kind>', 'Art / kind').choices(orgKinds).default('local'))
  .option('--parent <slug>', 'übergeordnete Organisation / parent (default: root)')
  .action(async (options: { slug: string; name: string; kind: string; parent?: string }) => {
    const org = (await runCommand(config(), 'org.create', options)) as { id: string; slug: string };
    console.log(`Organisation angelegt / created: ${org.slug} (${org.id})`);
  });

const apikey = program.command('apikey').description('API-Schlüssel verwalten / manage API keys');
apikey
  .command('create')
  .description('API-Schlüssel erzeugen; der Schlüssel steht allein in der letzten Zeile / create a key; printed alone on the last line')
  .requiredOption('--name <name>', 'Bezeichnung / name')
  .option('--org <slug>', 'Organisation (Standard: Hauptorganisation / default: root)')
  .addOption(new Option('--role <role>', 'Rolle / role').choices(roles).default('admin'))
  .option('--expires <date>', 'Ablaufdatum / expiry (ISO 8601)')
  .action(async (options: { name: string; org?: string; role: string; expires?: string }) => {
    const result = (await runCommand(config(), 'apikey.create', options)) as { key: string; apiKey: { id: string; role: string; orgId: string } };
    console.log(`API-Schlüssel ${result.apiKey.id} (Rolle / role ${result.apiKey.role}) – nur jetzt sichtbar / shown only now:`);
    console.log(result.key);
  });
apikey
  .command('revoke')
  .description('API-Schlüssel widerrufen / revoke an API key')
  .requiredOption('--id <id>', 'Schlüssel-ID / key id')
  .option('--org <slug>', 'Organisation des Schlüssels / the key’s organisation')
  .action(async (options: { id: string; org?: string }) => {
    await runCommand(config(), 'apikey.revoke', options);
    console.log(`Widerrufen / revoked: ${options.id}`);
  });

program
  .command('audit')
  .description('Prüfprotokoll / audit log')
  .command('verify')
  .description('Hash-Kette prüfen; nennt den ersten gebrochenen Eintrag / verify the hash chain; names the first broken entry')
  .action(async () => {
    const result = (await runCommand(config(), 'audit.verify', {})) as
      | { ok: true; checked: number }
      | { ok: false; checked: number; firstBroken: { seq: number; id: string; problem: string } };
    if (result.ok) {
      console.log(`Prüfprotokoll intakt / audit log intact: ${result.checked} Einträge / entries`);
      return;
    }
    const broken = result.firstBroken;
    console.log(`Prüfprotokoll GEBROCHEN / audit log BROKEN at entry #${broken.seq}${broken.id ? ` (${broken.id})` : ''}: ${broken.problem}`);
    console.log(`${result.checked} Einträge davor sind intakt / entries before it are intact`);
    process.exitCode = 1;
  });

const models = program.command('models').description('Modelle im Register / models in the registry');
models
  .command('list')
  .description('Modelle mit Status auflisten / list models with their status')
  .option('--org <slug>', 'wirksamer Status in dieser Organisation / effective status in this organisation')
  .action(async (options: { org?: string }) => {
    const rows = (await runCommand(config(), 'models.list', options)) as { id: string; kind: string; effectiveStatus: string; providers: { id: string; connected: boolean }[] }[];
    for (const row of rows) {
      const providers = row.providers.map((provider) => `${provider.id}${provider.connected ? '' : ' (nicht angebunden / not connected)'}`).join(', ');
      console.log(`${row.id.padEnd(36)} ${row.kind.padEnd(10)} ${row.effectiveStatus.padEnd(15)} ${providers}`);
    }
  });
models
  .command('add')
  .description('GGUF-Datei für den eingebetteten Anbieter aufnehmen / add a GGUF file for the embedded provider')
  .argument('<path>', 'Pfad zur GGUF-Datei / path of the GGUF file')
  .option('--id <id>', 'Modell-ID (Standard: aus dem Dateinamen) / model id (default: from the file name)')
  .option('--name <name>', 'Anzeigename / display name')
  .addOption(new Option('--kind <kind>', 'Art / kind').choices(['chat', 'embedding']).default('chat'))
  .addOption(new Option('--status <status>', 'Anfangsstatus (Standard: candidate) / initial status').choices([...modelStatuses]))
  .action(async (file: string, options: { id?: string; name?: string; kind: string; status?: string }) => {
    const model = (await runCommand(config(), 'models.add', { path: file, ...options })) as { id: string; status: string };
    console.log(`Modell aufgenommen / model added: ${model.id} (Status: ${model.status})`);
    if (model.status === 'candidate') console.log(statusHint(model.id));
  });
models
  .command('pull')
  .description('Offenes Modell herunterladen und per SHA-256 prüfen (braucht Netz) / download an open model, verified by SHA-256 (needs a network)')
  .argument('[name]', `bekannter Name / known name: ${knownDownloads.map((entry) => entry.name).join(', ')}`)
  .option('--url <url>', 'stattdessen eine GGUF-URL / a GGUF URL instead')
  .option('--sha256 <hash>', 'erwartete Prüfsumme / expected checksum')
  .option('--id <id>', 'Modell-ID / model id')
  .addOption(new Option('--status <status>', 'Anfangsstatus / initial status').choices([...modelStatuses]))
  .action(async (name: string | undefined, options: { url?: string; sha256?: string; id?: string; status?: string }) => {
    const model = (await runCommand(config(), 'models.pull', { name, ...options })) as { id: string; status: string };
    console.log(`Heruntergeladen und geprüft / downloaded and verified: ${model.id} (Status: ${model.status})`);
    if (model.status === 'candidate') console.log(statusHint(model.id));
  });
models
  .command('status')
  .description('Status ändern (Prüfer*innen) / change the status (reviewers)')
  .argument('<id>', 'Modell-ID / model id')
  .addArgument(new Argument('<status>', 'neuer Status / new status').choices([...modelStatuses]))
  .requiredOption('--reason <text>', 'Begründung / reason')
  .addOption(new Option('--category <category>', 'Ausschlussgrund / exclusion category').choices([...exclusionCategories]))
  .action(async (id: string, status: string, options: { reason: string; category?: string }) => {
    const model = (await runCommand(config(), 'models.status', { id, status, ...options })) as { id: string; status: string };
    console.log(`${model.id}: ${model.status}`);
  });

const registryCommand = program.command('registry').description('Modellregister als Datei / the registry as a file');
registryCommand
  .command('export')
  .description('Ganzes Register als YAML oder JSON ausgeben (ohne Geheimnisse) / print the whole registry (no secrets)')
  .addOption(new Option('--format <format>', 'yaml | json').choices(['yaml', 'json']).default('yaml'))
  .option('--out <file>', 'in Datei schreiben / write to a file')
  .action(async (options: { format: string; out?: string }) => {
    const { text } = (await runCommand(config(), 'registry.export', { format: options.format })) as { text: string };
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  });
registryCommand
  .command('import')
  .description('Register aus YAML/JSON übernehmen; Statusänderungen gehen durch die Prüfregeln / apply a registry file')
  .argument('<file>', 'YAML- oder JSON-Datei / YAML or JSON file')
  .action(async (file: string) => {
    const summary = (await runCommand(config(), 'registry.import', { format: file.endsWith('.json') ? 'json' : 'yaml', document: readFileSync(file, 'utf8') })) as Record<string, string[]>;
    for (const [key, ids] of Object.entries(summary)) console.log(`${key}: ${ids.length}${ids.length ? ` (${ids.join(', ')})` : ''}`);
  });
registryCommand
  .command('overdue')
  .description('Überfällige Prüfungen / overdue reviews')
  .action(async () => {
    const rows = (await runCommand(config(), 'registry.overdue', {})) as { id: string; status: string; nextReviewDue: string }[];
    if (rows.length === 0) console.log('Keine überfälligen Prüfungen / no overdue reviews');
    for (const row of rows) console.log(`${row.nextReviewDue}  ${row.id.padEnd(36)} ${row.status}`);
    if (rows.length > 0) process.exitCode = 1;
  });
registryCommand
  .command('import-osai')
  .description('Offenheitsbewertungen aus dem European Open Source AI Index übernehmen / import openness ratings')
  .argument('<dir>', 'Ordner mit den YAML-Dateien des Index / folder of the index YAML files')
  .option('--date <date>', 'Stand der Daten (JJJJ-MM-TT) / date of the snapshot')
  .action(async (dir: string, options: { date?: string }) => {
    const result = (await runCommand(config(), 'registry.import-osai', { dir, ...options })) as { files: number; updated: string[]; problems: unknown[] };
    console.log(`${result.files} Dateien gelesen / files read; aktualisiert / updated: ${result.updated.join(', ') || '–'}; Probleme / problems: ${result.problems.length}`);
  });

const providers = program.command('providers').description('Modellanbieter / model providers');
providers
  .command('list')
  .description('Anbieter auflisten / list providers')
  .action(async () => {
    const rows = (await runCommand(config(), 'providers.list', {})) as { id: string; zone: string; adapter: string | null; baseUrl: string | null }[];
    for (const row of rows) console.log(`${row.id.padEnd(20)} ${row.zone.padEnd(7)} ${(row.adapter ?? 'nicht angebunden / not connected').padEnd(18)} ${row.baseUrl ?? ''}`);
  });
providers
  .command('add')
  .description('Anbieter anbinden / connect a provider')
  .requiredOption('--id <id>', 'Kennung / id')
  .option('--name <name>', 'Name')
  .addOption(new Option('--type <type>', 'Anbietertyp / provider type').choices(Object.keys(adapterFactories)).default('openai-compatible'))
  .option('--base-url <url>', 'Basis-URL, z. B. / e.g. http://127.0.0.1:11434/v1')
  .option('--api-key-env <name>', 'Umgebungsvariable mit dem API-Schlüssel / environment variable holding the API key')
  .addOption(new Option('--zone <zone>', 'eigene Infrastruktur, EU oder außerhalb / own, eu or non-eu').choices([...zones]).makeOptionMandatory())
  .requiredOption('--jurisdiction <cc>', 'Rechtsraum (Ländercode) / jurisdiction (country code)')
  .action(async (options: Record<string, string>) => {
    const row = (await runCommand(config(), 'providers.add', { ...options, apiKey: process.env.LEITPLANKE_PROVIDER_API_KEY })) as { id: string };
    console.log(`Anbieter angebunden / provider connected: ${row.id}`);
  });
providers
  .command('detect')
  .description('Lokale Inferenzserver suchen (Ollama, llama.cpp, vLLM, LM Studio) / look for local inference servers')
  .action(async () => {
    const found = (await runCommand(config(), 'providers.detect', {})) as { name: string; baseUrl: string; models: string[] }[];
    if (found.length === 0) console.log('Keine lokalen Inferenzserver gefunden / no local inference servers found');
    for (const server of found) console.log(`${server.name}: ${server.baseUrl} (${server.models.join(', ') || 'keine Modelle / no models'})`);
  });

registerEvalCommands(program, { config, runCommand });

function statusHint(id: string): string {
  return (
    `Neue Modelle sind Kandidaten, bis Prüfer*innen sie freigeben / new models are candidates until reviewers approve them:\n` +
    `  leitplanke models status ${id} approved --reason "…"`
  );
}

function reportError(error: unknown): number {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    err(error.message);
    return 2;
  }
  if (error instanceof z.ZodError) {
    err('Ungültige Eingabe / invalid input:');
    for (const issue of fieldIssuesFromZod(error.issues)) err(`  --${issue.path}: ${issue.message.de} / ${issue.message.en}`);
    return 2;
  }
  if (isServiceError(error)) {
    err(`${error.detail.de}\n${error.detail.en}`);
    for (const field of error.fields) err(`  ${field.path}: ${field.message.de} / ${field.message.en}`);
    return exitCodeByCode[error.code];
  }
  err(`Unerwarteter Fehler / unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  return 1;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.exitCode = reportError(error);
});
