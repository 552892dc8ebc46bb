import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../core/config.js';
import { exitCodeByCode, isServiceError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { packageVersion } from '../core/paths.js';
import { DataDirBusyError, DataDirLock } from '../db/data-dir-lock.js';
import { openConfiguredDatabase } from '../server/compose.js';
import { createServices } from '../server/compose.js';
import { runMigrations } from '../db/migrate.js';
import { roles } from '../identity/roles.js';
import { orgKinds } from '../identity/inputs.js';
import { fieldIssuesFromZod } from '../server/problem.js';
import { z } from 'zod';
import { runAdminCommand } from './admin-commands.js';
import { adminSocketPath, callAdminSocket } from './admin-socket.js';
import { startServer } from './start-server.js';

const err = (line: string) => process.stderr.write(line + '\n');

/** Runs an admin command through the running server if there is one, else directly on the database. */
async function runCommand(config: Config, name: string, input: unknown): Promise<unknown> {
  if (!config.database_url) {
    const viaServer = await callAdminSocket(adminSocketPath(config.data_dir), name, input);
    if (viaServer) return viaServer.output;
  }
  const lock = config.database_url ? undefined : DataDirLock.acquire(config.data_dir);
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
