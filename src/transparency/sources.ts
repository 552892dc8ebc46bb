import { z } from 'zod';

/**
 * What the public pages and the yearly report read from other modules. The accountability module
 * (incidents, complaint office: OPEN-3, OPEN-4) and the provenance module (campaign disclosure:
 * OPEN-1, LABEL-*) implement these and are passed in `createServices`; until then the empty sources
 * below stand in. Whatever a source returns goes out through the schemas here, which drop every
 * field they do not name.
 */

const textPair = z.object({ de: z.string(), en: z.string() });

export const publicIncidentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  title: textPair,
  summary: textPair,
  occurredOn: z.string().nullable(),
  publishedAt: z.string(),
  status: z.enum(['open', 'corrected', 'closed']),
  correction: textPair.nullable(),
  lessonsLearned: textPair.nullable(),
  /** Register entries (use-case ids) the incident concerns. */
  useCaseIds: z.array(z.string()),
});
export type PublicIncident = z.infer<typeof publicIncidentSchema>;

/** Incidents and complaints of one period, for the yearly report (OPEN-6). */
export const accountabilityFiguresSchema = z.object({
  incidentsRecorded: z.number().int().min(0),
  incidentsPublic: z.number().int().min(0),
  incidentsCorrected: z.number().int().min(0),
  complaintsReceived: z.number().int().min(0),
  complaintsClosed: z.number().int().min(0),
  complaintsClosedWithinDeadline: z.number().int().min(0),
});
export type AccountabilityFigures = z.infer<typeof accountabilityFiguresSchema>;

export type PeriodQuery = { orgIds: string[]; from: Date; to: Date };

export interface PublicIncidentSource {
  /** Incidents marked public in these organisations, newest first. */
  listPublic(query: { orgIds: string[]; limit: number }): Promise<PublicIncident[]>;
  /** Figures for the report, or null when no accountability module records them. */
  figures(query: PeriodQuery): Promise<AccountabilityFigures | null>;
}

export const campaignDisclosureSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  /** Where the material appeared (poster, social media, newsletter …). */
  channel: z.string(),
  /** What AI did, in the organisation's words (e.g. "Bild mit KI erzeugt, Prompt: …"). */
  aiUse: z.string(),
  tools: z.array(z.string()),
  label: z.string().nullable(),
  url: z.string().nullable(),
});
export type CampaignDisclosure = z.infer<typeof campaignDisclosureSchema>;

export interface CampaignDisclosureSource {
  /** Disclosed campaign material of these organisations, newest first. */
  listPublic(query: { orgIds: string[]; limit: number }): Promise<CampaignDisclosure[]>;
}

export const emptyIncidentSource: PublicIncidentSource = {
  listPublic: async () => [],
  figures: async () => null,
};

export const emptyDisclosureSource: CampaignDisclosureSource = {
  listPublic: async () => [],
};
