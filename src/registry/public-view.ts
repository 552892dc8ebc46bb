import type { Text } from '../core/l10n.js';
import type { ModelScore } from './scoring.js';

/**
 * What the public pages show of the registry: the review board's decisions with reasons, the facts
 * with their sources, and the score breakdown. Never connection settings, deployments or keys.
 * Built from a whitelist, so a new internal field cannot leak.
 */
export type PublicModel = {
  id: string;
  name: string;
  kind: string;
  revision: string;
  status: string;
  statusReason: Text;
  exclusionCategory: string | null;
  lastReview: string | null;
  nextReviewDue: string | null;
  creator: unknown;
  licence: unknown;
  parameters: unknown;
  hosting: unknown;
  openness: unknown;
  trainingData: unknown;
  creatorCompensation: unknown;
  energy: unknown;
  sources: unknown;
  unverified: unknown;
  score: ModelScore | null;
};

type ModelRow = { id: string; name: string; kind: string; revision: string; status: string; statusReason: Text; exclusionCategory: string | null; lastReview: string | null; nextReviewDue: string | null; card: Record<string, unknown> };

export function publicModel(row: ModelRow, score: ModelScore | null): PublicModel {
  const card = row.card;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    revision: row.revision,
    status: row.status,
    statusReason: row.statusReason,
    exclusionCategory: row.exclusionCategory,
    lastReview: row.lastReview,
    nextReviewDue: row.nextReviewDue,
    creator: card.creator ?? null,
    licence: card.licence ?? null,
    parameters: card.parameters ?? null,
    hosting: card.hosting ?? null,
    openness: card.openness ?? null,
    trainingData: card.trainingData ?? null,
    creatorCompensation: card.creatorCompensation ?? null,
    energy: card.energy ?? null,
    sources: card.sources ?? [],
    unverified: card.unverified ?? [],
    score,
  };
}

export type PublicProvider = { id: string; name: string; kind: string; zone: string; jurisdiction: string; status: string; statusReason: Text; facts: Record<string, unknown> };

type ProviderRow = { id: string; name: string; kind: string; zone: string; jurisdiction: string; status: string; statusReason: Text; facts: Record<string, unknown> };

const publicProviderFacts = ['dataResidency', 'dpa', 'subprocessors', 'certifications', 'sources', 'unverified'];

export function publicProvider(row: ProviderRow): PublicProvider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    zone: row.zone,
    jurisdiction: row.jurisdiction,
    status: row.status,
    statusReason: row.statusReason,
    facts: Object.fromEntries(publicProviderFacts.filter((key) => key in row.facts).map((key) => [key, row.facts[key]])),
  };
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom feed (RFC 4287) of registry decisions, so members and the press can follow changes. */
export function registryAtomFeed(baseUrl: string, changes: { seq: number; changedAt: Date; entityType: string; entityId: string; action: string; reason: string | null; after: unknown }[]): string {
  const updated = (changes[0]?.changedAt ?? new Date(0)).toISOString();
  const entries = changes
    .map((change) => {
      const status = (change.after as { status?: string } | null)?.status;
      const title = `${change.entityType} ${change.entityId}: ${change.action}${status ? ` → ${status}` : ''}`;
      return `  <entry>
    <id>${escape(`${baseUrl}/api/public/registry/changes/${change.seq}`)}</id>
    <title>${escape(title)}</title>
    <updated>${change.changedAt.toISOString()}</updated>
    <link href="${escape(`${baseUrl}/transparenz/modelle`)}"/>
    <summary>${escape(change.reason ?? '')}</summary>
  </entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${escape(`${baseUrl}/api/public/registry/changes.atom`)}</id>
  <title>Leitplanke – Änderungen im Modellregister</title>
  <updated>${updated}</updated>
  <link rel="self" href="${escape(`${baseUrl}/api/public/registry/changes.atom`)}"/>
${entries}
</feed>
`;
}
