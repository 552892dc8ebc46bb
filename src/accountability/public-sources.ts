import { and, count, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/connection.js';
import type { PublicIncidentSource } from '../transparency/sources.js';
import type { IncidentService } from './incident-service.js';
import { accountabilityComplaints, accountabilityIncidents } from './schema.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';
const pair = (value: string | null) => (value ? { de: value, en: value } : null);

/**
 * What the transparency register shows of incidents (OPEN-3) and reports of the complaint office
 * (OPEN-4, OPEN-6): published summaries only, and counts without any content.
 */
export function createPublicIncidentSource(database: Database, incidents: Pick<IncidentService, 'publicIncidents'>): PublicIncidentSource {
  const { db } = database;
  return {
    async listPublic(query) {
      return (await incidents.publicIncidents(query)).map((incident) => ({
        id: incident.id,
        orgId: incident.orgId,
        title: pair(incident.title)!,
        summary: pair(incident.summary)!,
        occurredOn: incident.occurredOn,
        publishedAt: incident.publishedAt,
        status: incident.status,
        correction: pair(incident.correction),
        lessonsLearned: pair(incident.lessonsLearned),
        useCaseIds: [],
      }));
    },

    async figures({ orgIds, from, to }) {
      const orgs = orgIds.length ? orgIds : [NO_ID];
      const inPeriod = (column: AnyPgColumn) => and(gte(column, from), lt(column, to));
      const [[recorded], [published], [corrected], [received], [closed], [inTime]] = await Promise.all([
        db.select({ value: count() }).from(accountabilityIncidents).where(and(inArray(accountabilityIncidents.orgId, orgs), inPeriod(accountabilityIncidents.createdAt))),
        db
          .select({ value: count() })
          .from(accountabilityIncidents)
          .where(and(inArray(accountabilityIncidents.orgId, orgs), inPeriod(accountabilityIncidents.createdAt), isNotNull(accountabilityIncidents.publishedAt))),
        db.select({ value: count() }).from(accountabilityIncidents).where(and(inArray(accountabilityIncidents.orgId, orgs), inPeriod(accountabilityIncidents.resolvedAt))),
        db.select({ value: count() }).from(accountabilityComplaints).where(and(inArray(accountabilityComplaints.orgId, orgs), inPeriod(accountabilityComplaints.receivedAt))),
        db.select({ value: count() }).from(accountabilityComplaints).where(and(inArray(accountabilityComplaints.orgId, orgs), inPeriod(accountabilityComplaints.decidedAt))),
        db
          .select({ value: count() })
          .from(accountabilityComplaints)
          .where(and(inArray(accountabilityComplaints.orgId, orgs), inPeriod(accountabilityComplaints.decidedAt), lte(accountabilityComplaints.decidedAt, sql`${accountabilityComplaints.decisionDueAt}`))),
      ]);
      return {
        incidentsRecorded: Number(recorded?.value ?? 0),
        incidentsPublic: Number(published?.value ?? 0),
        incidentsCorrected: Number(corrected?.value ?? 0),
        complaintsReceived: Number(received?.value ?? 0),
        complaintsClosed: Number(closed?.value ?? 0),
        complaintsClosedWithinDeadline: Number(inTime?.value ?? 0),
      };
    },
  };
}
