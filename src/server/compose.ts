import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { systemClock, type Clock } from '../core/clock.js';
import { ConfigError, type Config } from '../core/config.js';
import { SecretBox, sha256Hex } from '../core/crypto.js';
import { createLogger, type Logger } from '../core/logger.js';
import { resolveSecretKey } from '../core/secret-key.js';
import { openDatabase, type Database } from '../db/connection.js';
import { runMigrations } from '../db/migrate.js';
import { instanceSettings } from '../db/system-schema.js';
import { createAuditEmitter } from '../audit/audit-service.js';
import { createRateLimiter } from '../ratelimit/rate-limiter.js';
import { createOrgDirectory } from '../identity/org-directory.js';
import { createOrgService } from '../identity/org-service.js';
import { createUserService } from '../identity/user-service.js';
import { createAuthService } from '../identity/auth-service.js';
import { createApiKeyService } from '../identity/apikey-service.js';
import { createOidcService } from '../identity/oidc-service.js';
import { bootstrapIdentity } from '../identity/bootstrap.js';
import { createRegistryStore } from '../registry/registry-store.js';
import { createRegistryService } from '../registry/registry-service.js';
import { createRegistryQueries } from '../registry/registry-queries.js';
import { createEvaluation } from '../evaluation/evaluation-module.js';
import { createEvaluationResults } from '../evaluation/evaluation-results.js';
import { EVALUATION_JOB } from '../evaluation/runner.js';
import { createRegistryTransfer } from '../registry/registry-transfer.js';
import { createRegistryRules } from '../registry/registry-rules.js';
import { importDeclarations } from '../registry/registry-declarations.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { adapterFactories, createAdapterCache } from '../gateway/adapters.js';
import { CircuitBreaker } from '../gateway/circuit-breaker.js';
import { createGatewayMetrics } from '../gateway/gateway-metrics.js';
import { createGatewayService } from '../gateway/gateway-service.js';
import { createLimits } from '../gateway/limits.js';
import { createUsageRecorder } from '../gateway/usage-recorder.js';
import { createJobQueue } from '../jobs/job-queue.js';
import { createAccountability } from '../accountability/index.js';
import { createPromptGuard } from '../guard/prompt-guard.js';
import type { EnergyEstimator } from '../gateway/energy-estimator.js';
import { createRequestEnergyEstimator } from '../energy/request-estimator.js';
import { createEnergyService } from '../energy/energy-service.js';
import { createMeasuredEnergy } from '../energy/measured-energy.js';
import { createMeasurementSources } from '../energy/measurement-sources.js';
import type { ExceptionChecker, PromptGuard } from '../gateway/pipeline-hooks.js';
import { systemCaller } from '../identity/principal.js';
import { ensureLocalProvider, LOCAL_PROVIDER_ID } from '../registry/local-provider.js';
import { createWorkflowService, DRAFT_BATCH_JOB } from '../workflows/workflow-service.js';
import { createDefinitionStore } from '../workflows/definition-store.js';
import { useCaseRegisterLink, type RegisterLink } from '../workflows/register-link.js';
import { createOutboxMailSender, fetchWebhookPoster, type MailSender, type WebhookPoster } from '../workflows/agent/effects.js';
import { createUsageData } from '../gateway/usage-data.js';
import { createWorkspace, type KnowledgeRetriever } from '../workspace/index.js';
import { createKnowledge } from '../knowledge/index.js';
import { createProvenanceModule } from '../provenance/index.js';
import { createProvenanceLookup } from '../gateway/provenance-lookup.js';
import { createUsageSummary } from '../gateway/usage-summary.js';
import { createTransparencyService } from '../transparency/transparency-service.js';
import type { CampaignDisclosureSource, PublicIncidentSource } from '../transparency/sources.js';

export type ComposeOptions = {
  database?: Database;
  clock?: Clock;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Replaceable pipeline steps (tests); by default the modules' own implementations. */
  guard?: PromptGuard;
  exceptions?: ExceptionChecker;
  energy?: EnergyEstimator;
  /** Workflows: the transparency register link (default: the register's use cases), mail (default: .eml files in <data_dir>/outbox), webhooks. */
  workflowRegister?: RegisterLink;
  mailSender?: MailSender;
  webhookPoster?: WebhookPoster;
  /** The knowledge base chat cites from; by default the knowledge module's (src/knowledge). */
  knowledge?: KnowledgeRetriever;
  /** What the public transparency pages show from the accountability and provenance modules (empty by default). */
  publicIncidents?: PublicIncidentSource;
  campaignDisclosures?: CampaignDisclosureSource;
};

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.database_url ? openDatabase({ databaseUrl: config.database_url }) : openDatabase({ dataDir: config.data_dir });
}

/** Wires every module's services together; the HTTP server, the CLI and the tests all start here. */
export async function createServices(config: Config, options: ComposeOptions = {}) {
  const logger = options.logger ?? createLogger(config.log_level);
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openConfiguredDatabase(config));
  await runMigrations(database);
  const secrets = new SecretBox(await checkedSecretKey(database, config));

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'leitplanke_' });
  const audit = createAuditEmitter(clock);
  const rateLimiter = createRateLimiter(database, clock);
  const orgTree = createOrgDirectory(database);
  await orgTree.start();
  const base = { database, orgs: orgTree, audit };
  const orgs = createOrgService(base);
  const users = createUserService(base);
  const auth = createAuthService({ database, clock, audit, config, rateLimiter });
  const apiKeys = createApiKeyService({ ...base, clock });
  await apiKeys.activeKeys.start();
  const oidc = createOidcService({ database, clock, audit, config, auth, orgs: orgTree });
  const bootstrap = await bootstrapIdentity(database, config, audit);

  const registryStore = createRegistryStore(database, secrets, orgTree, options.env);
  await registryStore.start();
  const registry = createRegistryService({ database, clock, audit, secrets, orgs: orgTree, store: registryStore, knownAdapters: () => Object.keys(adapterFactories) });
  const registryQueries = createRegistryQueries({ database, store: registryStore, orgs: orgTree, clock, evaluations: createEvaluationResults(database) });
  await ensureLocalProvider(registry, registryQueries, config);
  const registryTransfer = createRegistryTransfer({ database, service: registry, queries: registryQueries });
  if (config.seed_catalogue) await registryTransfer.seedCatalogue(systemCaller('catalogue'), loadCatalogue());
  const registryRules = createRegistryRules({ database, clock, audit, orgs: orgTree, store: registryStore });
  const declarationWarnings = await importDeclarations(registry, systemCaller('config-import'), config, options.env);
  for (const warning of declarationWarnings) logger.warn(warning.en);

  const limits = createLimits(database, rateLimiter, clock, orgTree, audit);
  await limits.settings.start();
  const recorder = createUsageRecorder(database, logger);
  const jobs = createJobQueue(database, clock, logger);
  const accountability = createAccountability({ database, clock, audit, config, logger, secrets, orgs: orgTree, users, registry, registryQueries, jobs, rateLimiter });
  const adapters = createAdapterCache(config.models_dir);
  const provenance = createProvenanceModule({
    database,
    clock,
    logger,
    audit,
    orgs,
    lookup: createProvenanceLookup(database, recorder),
    registry: registryQueries,
    mediaDir: config.media_dir,
    c2pa: { certificate: config.c2pa_certificate, privateKey: config.c2pa_private_key, algorithm: config.c2pa_algorithm, timestampUrl: config.c2pa_timestamp_url },
    trustAnchors: config.c2pa_trust_anchors ? readFileSync(config.c2pa_trust_anchors, 'utf8') : undefined,
  });
  const measurementSources = createMeasurementSources(registryStore, { rapl: config.rapl, localProviderId: LOCAL_PROVIDER_ID, ownLocation: config.location, ownPue: config.own_pue, ownWue: config.own_wue, logger });
  const energyMeter = createMeasuredEnergy({ database, clock, logger, flushUsage: () => recorder.flush(), ...measurementSources });
  const gateway = createGatewayService({
    registry: registryStore,
    orgs: orgTree,
    limits,
    recorder,
    adapters,
    breaker: new CircuitBreaker(clock),
    energy: options.energy ?? createRequestEnergyEstimator({ ownPue: config.own_pue, ownWue: config.own_wue }),
    metrics: createGatewayMetrics(metrics),
    clock,
    logger,
    guard: options.guard ?? createPromptGuard(orgTree),
    exceptions: options.exceptions ?? accountability.exceptionChecker,
    images: provenance.imageHooks,
    meter: energyMeter,
  });
  const evaluation = createEvaluation({ database, clock, logger, audit, orgs: orgTree, gateway, registry, registryQueries, jobs });
  jobs.register(EVALUATION_JOB, evaluation.runner.handle);
  const transparency = createTransparencyService({
    ...base,
    clock,
    registry: registryQueries,
    usage: createUsageSummary(database),
    incidents: options.publicIncidents ?? accountability.incidentSource,
    disclosures: options.campaignDisclosures ?? provenance.disclosureFeed,
  });

  const knowledge = createKnowledge({ database, clock, logger, audit, orgs: orgTree, orgSettings: orgs, gateway, jobs, vectorSearch: config.knowledge_vector_search, minSimilarity: config.knowledge_min_similarity });
  knowledge.registerJobs(jobs);
  const workspace = createWorkspace({
    database,
    clock,
    logger,
    audit,
    orgs: orgTree,
    orgSettings: orgs,
    gateway,
    usage: createUsageData(database),
    recorder,
    cards: registryQueries,
    knowledge: options.knowledge ?? knowledge.retriever,
    personalData: [knowledge.personalData],
  });
  await workspace.assistants.installStarters(bootstrap.rootOrgId);
  workspace.registerRetention(jobs);

  const workflows = createWorkflowService({
    database,
    clock,
    audit,
    orgs: orgTree,
    gateway,
    jobs,
    secrets,
    register: options.workflowRegister ?? useCaseRegisterLink(database, transparency),
    mail: options.mailSender ?? createOutboxMailSender(path.join(config.data_dir, 'outbox')),
    webhooks: options.webhookPoster ?? fetchWebhookPoster,
    definitions: createDefinitionStore(database),
  });
  await workflows.start(config.data_dir);
  jobs.register(DRAFT_BATCH_JOB, workflows.draftBatch);

  return {
    config,
    logger,
    clock,
    database,
    secrets,
    metrics,
    audit,
    rateLimiter,
    orgTree,
    orgs,
    users,
    auth,
    apiKeys,
    oidc,
    bootstrap,
    registry,
    registryQueries,
    registryTransfer,
    registryRules,
    limits,
    recorder,
    gateway,
    jobs,
    accountability,
    workflows,
    workspace,
    knowledge,
    evaluation,
    provenance,
    transparency,
    energy: createEnergyService({ database, orgs: orgTree, registry: registryQueries }),
    energyMeter,
    async close(): Promise<void> {
      workspace.stop();
      energyMeter.stop();
      await evaluation.scheduler.stop();
      await accountability.stop();
      await jobs.stop();
      await recorder.flush();
      await provenance.close();
      await adapters.close();
      await registryStore.stop();
      await limits.settings.stop();
      await orgTree.stop();
      await apiKeys.activeKeys.stop();
      if (!options.database) await database.close();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Refuses to start with a key that cannot decrypt what this database already holds. */
async function checkedSecretKey(database: Database, config: Config): Promise<Buffer> {
  const { key, source } = resolveSecretKey(config);
  const fingerprint = sha256Hex(Buffer.concat([Buffer.from('leitplanke-secret-key:'), key]));
  await database.db.insert(instanceSettings).values({ key: 'secret_key_fingerprint', value: fingerprint }).onConflictDoNothing();
  const [stored] = await database.db.select().from(instanceSettings).where(eq(instanceSettings.key, 'secret_key_fingerprint'));
  if (stored && stored.value !== fingerprint) {
    throw new ConfigError([
      `secret_key (${source === 'config' ? 'env LEITPLANKE_SECRET_KEY' : `${config.data_dir}/secret.key`}): ` +
        'this is not the key this database was set up with; stored provider secrets could not be decrypted. ' +
        'Use the original key (all instances must share LEITPLANKE_SECRET_KEY).',
    ]);
  }
  return key;
}
