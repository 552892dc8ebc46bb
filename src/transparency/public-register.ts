import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import type { Locale } from '../core/l10n.js';
import type { OrgNode, OrgTree } from '../identity/org-directory.js';
import type { RiskAssessment } from './risk/index.js';
import { riskClassLabels } from './risk/index.js';
import { publicView, statusLabels, toCsv, toStandardShape, type UseCaseRecord } from './register-standard/index.js';
import { atomFeed } from './atom-feed.js';
import { transparencyMessages } from './messages.js';
import type { ParticipationService } from './participation-service.js';
import { publicModelInfo, type RegistryReadSide } from './public-models.js';
import { transparencyRiskAssessments, transparencyUseCases } from './schema.js';
import { campaignDisclosureSchema, publicIncidentSchema, type CampaignDisclosureSource, type PublicIncidentSource } from './sources.js';
import type { TransparencyDeps } from './transparency-deps.js';
import { toRecord } from './use-case-row.js';

export type PublicRegisterDeps = Pick<TransparencyDeps, 'database' | 'clock' | 'orgs'> & {
  participation: ParticipationService;
  registry: RegistryReadSide;
  incidents: PublicIncidentSource;
  disclosures: CampaignDisclosureSource;
};

/** The reasoning behind the always-public risk class: legal texts only, never the answers. */
const publicAssessmentSchema = z.object({
  version: z.number(),
  riskClass: z.string(),
  questionnaireVersion: z.string(),
  assessedAt: z.string(),
  highRiskBasis: z.array(z.string()),
  transparencyObligations: z.array(z.string()),
  reasons: z.array(z.object({ article: z.string(), text: z.object({ de: z.string(), en: z.string() }) })),
  obligations: z.array(z.object({ id: z.string(), article: z.string(), addressee: z.string(), text: z.object({ de: z.string(), en: z.string() }) })),
});

const notFound = () => new ServiceError('NOT_FOUND', transparencyMessages.useCaseNotFound, { reason: 'use_case_not_found' });

export const entryPath = (id: string) => `/transparenz/register/${id}`;

/** Everything the public pages show, without login: only whitelisted fields leave through here (OPEN-1). */
export function createPublicRegister(deps: PublicRegisterDeps) {
  const { database, clock, orgs } = deps;
  const { db } = database;

  /** The organisation named by slug (default: the root, i.e. everyone) and everything below it. */
  async function scope(orgSlug: string | undefined): Promise<{ tree: OrgTree; org: OrgNode; orgIds: string[] }> {
    const tree = await orgs.get();
    const org = orgSlug ? tree.bySlug.get(orgSlug) : tree.roots[0];
    if (!org) throw new ServiceError('NOT_FOUND', transparencyMessages.orgNotFound, { reason: 'org_not_found' });
    return { tree, org, orgIds: tree.subtree(org.id).map((node) => node.id) };
  }

  async function records(orgSlug: string | undefined) {
    const { tree, org, orgIds } = await scope(orgSlug);
    const rows = await db
      .select()
      .from(transparencyUseCases)
      .where(and(eq(transparencyUseCases.published, true), inArray(transparencyUseCases.orgId, orgIds)))
      .orderBy(desc(transparencyUseCases.updatedAt), transparencyUseCases.id);
    return { org, orgIds, records: rows.map((row) => toRecord(row, tree)) };
  }

  const organisation = (org: OrgNode) => ({ slug: org.slug, name: org.name });

  return {
    scope,

    async list(orgSlug?: string) {
      const { org, records: entries } = await records(orgSlug);
      return { organisation: organisation(org), generatedAt: clock.now().toISOString(), count: entries.length, entries: entries.map(publicView) };
    },

    async get(id: string) {
      const tree = await orgs.get();
      const [row] = await db.select().from(transparencyUseCases).where(and(eq(transparencyUseCases.id, id), eq(transparencyUseCases.published, true)));
      if (!row) throw notFound();
      const [assessment] = await db
        .select()
        .from(transparencyRiskAssessments)
        .where(eq(transparencyRiskAssessments.useCaseId, id))
        .orderBy(desc(transparencyRiskAssessments.version))
        .limit(1);
      const incidents = await deps.incidents.listPublic({ orgIds: tree.subtree(row.orgId).map((node) => node.id), limit: 500 });
      const org = tree.byId.get(row.orgId)!;
      return {
        entry: publicView(toRecord(row, tree)),
        organisation: organisation(org),
        assessment: assessment
          ? publicAssessmentSchema.parse({
              ...(assessment.result as RiskAssessment),
              version: assessment.version,
              questionnaireVersion: assessment.questionnaireVersion,
              assessedAt: assessment.createdAt.toISOString(),
            })
          : null,
        participation: await deps.participation.publicSummary(id),
        incidents: incidents
          .filter((incident) => incident.useCaseIds.includes(id) || row.incidentIds.includes(incident.id))
          .map((incident) => publicIncidentSchema.parse(incident)),
      };
    },

    async csv(orgSlug?: string): Promise<string> {
      return toCsv((await records(orgSlug)).records);
    },

    /** The Dutch Algoritmeregister shape (see register-standard/mapping.md). */
    async standard(orgSlug: string | undefined, baseUrl: string) {
      const { records: entries } = await records(orgSlug);
      return entries.map((record) => toStandardShape(record, { sourceUrl: `${baseUrl}${entryPath(record.id)}` }));
    },

    async atom(orgSlug: string | undefined, baseUrl: string, locale: Locale): Promise<string> {
      const { org, records: entries } = await records(orgSlug);
      const say = (value: { de: string; en: string }) => value[locale];
      const query = orgSlug ? `?org=${encodeURIComponent(orgSlug)}` : '';
      return atomFeed({
        id: `${baseUrl}/api/public/transparency/register.atom${query}`,
        title: locale === 'de' ? `KI-Register: ${org.name}` : `AI register: ${org.name}`,
        subtitle: locale === 'de' ? 'KI-Anwendungen, ihr Zweck und ihre Risikoklasse nach KI-Verordnung' : 'AI applications, their purpose and risk class under the AI Act',
        updated: entries[0]?.updatedAt ?? new Date(0).toISOString(),
        selfUrl: `${baseUrl}/api/public/transparency/register.atom${query}`,
        alternateUrl: `${baseUrl}/transparenz`,
        language: locale,
        author: org.name,
        entries: entries.map((record: UseCaseRecord) => ({
          id: `urn:uuid:${record.id}`,
          title: record.name,
          updated: record.updatedAt,
          link: `${baseUrl}${entryPath(record.id)}`,
          summary: [
            record.summary,
            `${locale === 'de' ? 'Status' : 'Status'}: ${say(statusLabels[record.status])}`,
            `${locale === 'de' ? 'Risikoklasse' : 'Risk class'}: ${record.risk ? say(riskClassLabels[record.risk.riskClass]) : locale === 'de' ? 'noch nicht bewertet' : 'not yet assessed'}`,
          ].join('\n'),
          categories: [record.status, ...(record.risk ? [record.risk.riskClass] : [])],
        })),
      });
    },

    models: publicModelInfo(deps.registry),

    async incidents(orgSlug?: string) {
      const { orgIds } = await scope(orgSlug);
      return (await deps.incidents.listPublic({ orgIds, limit: 500 })).map((incident) => publicIncidentSchema.parse(incident));
    },

    async disclosures(orgSlug?: string) {
      const { orgIds } = await scope(orgSlug);
      return (await deps.disclosures.listPublic({ orgIds, limit: 500 })).map((disclosure) => campaignDisclosureSchema.parse(disclosure));
    },
  };
}

export type PublicRegister = ReturnType<typeof createPublicRegister>;
