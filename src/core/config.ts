import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * All settings, parsed once at start-up and passed in. YAML keys are snake_case (as in LiteLLM's
 * config.yaml); each scalar key also has an environment variable `LEITPLANKE_<KEY>` that wins over the file.
 */
const boolean = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])]).transform((value) =>
  typeof value === 'boolean' ? value : ['true', '1', 'yes'].includes(value),
);
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const zones = ['own', 'eu', 'non-eu'] as const;
export type Zone = (typeof zones)[number];

const providerDeclaration = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, . _ -'),
  type: z.string().min(1),
  name: z.string().optional(),
  base_url: z.string().url().optional(),
  api_key_env: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  zone: z.enum(zones),
  jurisdiction: z.string().length(2).toUpperCase(),
  location: z.string().length(2).toUpperCase().optional(),
  dpa_status: z.enum(['not_required', 'pending', 'signed', 'none']).optional(),
  timeout_ms: integer(100, 600_000).optional(),
  max_retries: integer(0, 10).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

const modelDeclaration = z.object({
  id: z.string().min(1),
  provider: z.string().min(1),
  upstream_model: z.string().min(1),
  name: z.string().optional(),
  kind: z.enum(['chat', 'embedding', 'image']).default('chat'),
  status: z.enum(['candidate', 'under_review', 'recommended', 'approved', 'exception_only', 'excluded']).optional(),
  fallback: z.array(z.string()).optional(),
  active_parameters_b: z.number().positive().optional(),
  total_parameters_b: z.number().positive().optional(),
  context_length: z.number().int().positive().optional(),
});

const oidcSection = z.object({
  issuer: z.string().url(),
  client_id: z.string().min(1),
  client_secret: z.string().optional(),
  scopes: z.string().default('openid email profile'),
  display_name: z.string().default('Single Sign-on'),
  roles_claim: z.string().default('groups'),
  /** claim value → { org: slug, role } */
  role_mapping: z.record(z.string(), z.object({ org: z.string(), role: z.string() })).default({}),
  default_org: z.string().optional(),
  default_role: z.string().default('member'),
});

export const configSchema = z.object({
  port: integer(0, 65535).default(3000),
  host: z.string().default('127.0.0.1'),
  data_dir: z.string().default('./data'),
  database_url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  public_url: z.string().url().optional(),
  secret_key: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, '32 bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
  admin_email: z.string().email().default('admin@leitplanke.local'),
  admin_password: z.string().min(12, 'at least 12 characters').optional(),
  root_org_name: z.string().min(1).default('Hauptorganisation'),
  log_level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  trust_proxy: boolean.default(false),
  session_ttl_hours: integer(1, 24 * 30).default(12),
  login_max_failures: integer(1, 100).default(5),
  login_lockout_minutes: integer(1, 24 * 60).default(15),
  models_dir: z.string().optional(),
  /** Add the shipped model and provider catalogue to the registry (new entries only; reviewed ones stay). */
  seed_catalogue: boolean.default(true),
  /** Country of the organisation's own servers (electricity mix for energy figures). */
  location: z.string().length(2).toUpperCase().default('DE'),
  /** Power usage effectiveness of the own servers' room (energy figures); unset: the methodology's default. */
  own_pue: z.coerce.number().min(1).max(3).optional(),
  /** On-site water use (l/kWh) of the own servers' cooling; unset: not counted. */
  own_wue: z.coerce.number().min(0).max(10).optional(),
  /** Measure the embedded provider's energy with RAPL (powercap) where the machine exposes it; `off`: estimate only. */
  rapl: z.enum(['auto', 'off']).default('auto'),
  /** E-mail notifications (accountability): smtp:// or smtps:// URL; unset: notifications in the product only. */
  smtp_url: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  mail_from: z.string().min(3).default('Leitplanke <leitplanke@localhost>'),
  /** Complaint office deadlines (OPEN-4) and how their days are counted. */
  complaint_acknowledge_days: integer(1, 365).default(7),
  complaint_decision_days: integer(1, 730).default(30),
  complaint_day_count: z.enum(['calendar', 'working']).default('calendar'),
  /** Land whose public holidays count besides the federal ones (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH). */
  holiday_state: z.enum(['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']).optional(),
  /** Extra non-working days: YYYY-MM-DD once, MM-DD every year (comma-separated in the environment). */
  extra_holidays: z
    .preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value), z.array(z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'YYYY-MM-DD or MM-DD')))
    .default([]),
  /** Largest attachment of a complaint or incident report, in bytes. */
  attachment_max_bytes: integer(1024, 50 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Proof-of-work difficulty of the public complaint form (leading zero bits; 0 turns it off). */
  complaint_pow_bits: integer(0, 26).default(16),
  /** How often reminders, expiries, escalations and overdue actions are checked. */
  accountability_check_minutes: integer(1, 24 * 60).default(10),
  /** Originals and labelled copies of images (provenance module); outside the web root. */
  media_dir: z.string().optional(),
  /** C2PA signing: PEM certificate chain (signing certificate first) and PKCS#8 private key; unset: no C2PA manifests. */
  c2pa_certificate: z.string().optional(),
  c2pa_private_key: z.string().optional(),
  c2pa_algorithm: z.enum(['es256', 'es384', 'es512', 'ps256', 'ps384', 'ps512', 'ed25519']).default('es256'),
  /** PEM file of the certificates whose C2PA manifests count as trusted when images are checked; unset: valid but untrusted. */
  c2pa_trust_anchors: z.string().optional(),
  /** RFC 3161 time-stamping service for C2PA signatures; unset: no time stamp. */
  c2pa_timestamp_url: z.string().url().optional(),
  /** Vector search of the knowledge base: 'auto' uses pgvector where the database has it, 'exact' always computes exact cosine. */
  knowledge_vector_search: z.enum(['auto', 'exact']).default('auto'),
  /** Minimum cosine similarity for a passage found by meaning alone to be cited (full-text hits need half of the question's words). */
  knowledge_min_similarity: z.coerce.number().min(-1).max(1).default(0.3),
  oidc: oidcSection.optional(),
  providers: z.array(providerDeclaration).default([]),
  models: z.array(modelDeclaration).default([]),
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = Omit<z.output<typeof configSchema>, 'models_dir' | 'media_dir'> & { models_dir: string; media_dir: string; config_file?: string };
export type ProviderDeclaration = z.output<typeof providerDeclaration>;
export type ModelDeclaration = z.output<typeof modelDeclaration>;
export type OidcConfig = z.output<typeof oidcSection>;

/** Environment variables: scalar keys as LEITPLANKE_<KEY>; OIDC as LEITPLANKE_OIDC_<KEY>; DATABASE_URL as usual. */
const scalarKeys = Object.keys(configSchema.shape).filter(
  (key) => !['oidc', 'providers', 'models'].includes(key),
) as (keyof ConfigInput)[];
const oidcEnvKeys = ['issuer', 'client_id', 'client_secret', 'scopes', 'display_name', 'roles_claim', 'default_org', 'default_role'];

export function envName(key: string): string {
  return key === 'database_url' ? 'DATABASE_URL' : `LEITPLANKE_${key.toUpperCase()}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Leitplanke kann nicht starten: die Konfiguration ist ungültig / cannot start: invalid configuration\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ConfigInput> = {}): Config {
  const configFile = env.LEITPLANKE_CONFIG;
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const fromEnv: Record<string, unknown> = {};
  for (const key of scalarKeys) {
    const value = env[envName(key)] ?? (key === 'database_url' ? env.LEITPLANKE_DATABASE_URL : undefined);
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const oidcFromEnv: Record<string, unknown> = {};
  for (const key of oidcEnvKeys) {
    const value = env[`LEITPLANKE_OIDC_${key.toUpperCase()}`];
    if (value) oidcFromEnv[key] = value;
  }
  const merged: Record<string, unknown> = { ...fromFile, ...fromEnv, ...overrides };
  if (Object.keys(oidcFromEnv).length > 0) {
    merged.oidc = { ...((fromFile.oidc as Record<string, unknown> | undefined) ?? {}), ...oidcFromEnv };
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        const top = String(issue.path[0] ?? '');
        const source = top in fromEnv ? `env ${envName(top)}` : configFile ? `${configFile}: ${key}` : key;
        return `${key} (${source}): ${issue.message}`;
      }),
    );
  }
  const config = parsed.data;
  checkReferences(config);
  return {
    ...config,
    data_dir: path.resolve(config.data_dir),
    models_dir: path.resolve(config.models_dir ?? path.join(config.data_dir, 'models')),
    media_dir: path.resolve(config.media_dir ?? path.join(config.data_dir, 'media')),
    ...(configFile ? { config_file: path.resolve(configFile) } : {}),
  };
}

function readConfigFile(file: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`LEITPLANKE_CONFIG=${file}: file cannot be read (${(error as Error).message})`]);
  }
  try {
    const parsed: unknown = parseYaml(raw);
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('top level must be a mapping');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`${file}: not valid YAML (${(error as Error).message})`]);
  }
}

function checkReferences(config: z.output<typeof configSchema>): void {
  const problems: string[] = [];
  const providerIds = new Set<string>();
  for (const provider of config.providers) {
    if (providerIds.has(provider.id)) problems.push(`providers: id "${provider.id}" is declared twice`);
    providerIds.add(provider.id);
  }
  const modelIds = new Set<string>();
  for (const model of config.models) {
    if (modelIds.has(model.id)) problems.push(`models: id "${model.id}" is declared twice`);
    modelIds.add(model.id);
    if (!providerIds.has(model.provider)) {
      problems.push(`models.${model.id}.provider: "${model.provider}" is not in providers (declare it or fix the name)`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/** What the README's configuration table lists; kept here so the docs test can compare. */
export const documentedEnvVars = [...scalarKeys.map(envName), 'LEITPLANKE_CONFIG', ...oidcEnvKeys.map((k) => `LEITPLANKE_OIDC_${k.toUpperCase()}`)];
