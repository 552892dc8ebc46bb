import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { canReadCollection, ownerKeyOf } from './access.js';
import { fullTextSearch, vectorSearch, type VectorPreference } from './chunk-search.js';
import { locationLabel } from './chunker.js';
import { embedTexts } from './embeddings.js';
import { effectiveSettings } from './knowledge-settings.js';
import { knowledgeMessages } from './messages.js';
import { fuseRankings } from './rank-fusion.js';
import { knowledgeChunks, knowledgeCollections, knowledgeDocuments } from './schema.js';

type Deps = {
  database: Database;
  logger: Logger;
  orgs: CachedSnapshot<OrgTree>;
  gateway: GatewayService;
  vectorSearch?: VectorPreference | undefined;
  /** `knowledge_min_similarity` from the configuration. */
  minSimilarity: number;
};

/** A search hit: the passage, where it stands, and the link that opens it. */
export type Passage = {
  chunkId: string;
  documentId: string;
  collectionId: string;
  /** Document title (for citations). */
  source: string;
  filename: string;
  page: number | null;
  pageEnd: number | null;
  section: string | null;
  location: string;
  text: string;
  url: string;
  score: number;
  matchedBy: ('text' | 'meaning')[];
};

export type SearchInput = { query: string; collectionIds?: string[] | undefined; limit?: number | undefined };

const CANDIDATES = 50;

export function passageUrl(chunkId: string): string {
  return `/wissen/stelle/${chunkId}`;
}

/**
 * Hybrid search (full text + embeddings, fused by reciprocal rank) and answers that cite it. Only
 * relevant passages are returned: full-text hits (at least half of the question's words, see
 * fullTextSearch) and passages whose embedding is at least `minSimilarity` similar to the question's.
 * When none is relevant, search returns nothing and `answer` says so instead of citing.
 */
export function createSearchService(deps: Deps) {
  const { database, orgs, gateway } = deps;
  const { minSimilarity } = deps;
  const { db } = database;

  /** The collections of this organisation the caller may read, narrowed to `wanted` when given. */
  async function readableCollections(caller: Caller, orgId: string, wanted?: string[]) {
    const tree = await orgs.get();
    requirePermission(caller.principal, tree, 'knowledge.read', orgId);
    const owner = ownerKeyOf(caller.principal);
    const rows = await db
      .select({ id: knowledgeCollections.id, orgId: knowledgeCollections.orgId, owner: knowledgeCollections.owner })
      .from(knowledgeCollections)
      .where(
        and(
          eq(knowledgeCollections.orgId, orgId),
          owner ? or(isNull(knowledgeCollections.owner), eq(knowledgeCollections.owner, owner)) : isNull(knowledgeCollections.owner),
          wanted ? inArray(knowledgeCollections.id, wanted.length ? wanted : ['00000000-0000-0000-0000-000000000000']) : undefined,
        ),
      );
    return rows.filter((row) => canReadCollection(caller.principal, tree, row)).map((row) => row.id);
  }

  async function search(caller: Caller, orgId: string, input: SearchInput, signal: AbortSignal = new AbortController().signal) {
    const limit = Math.min(input.limit ?? 8, 50);
    const collectionIds = await readableCollections(caller, orgId, input.collectionIds);
    const notices: Text[] = [];
    if (collectionIds.length === 0 || !input.query.trim()) return { passages: [] as Passage[], notices, collectionIds };
    const rankings: string[][] = [(await fullTextSearch(db, { collectionIds, query: input.query, limit: CANDIDATES })).map((hit) => hit.id)];
    const models = await db
      .selectDistinct({ model: knowledgeDocuments.embeddingModel })
      .from(knowledgeDocuments)
      .where(and(inArray(knowledgeDocuments.collectionId, collectionIds), isNotNull(knowledgeDocuments.embeddingModel)));
    for (const { model } of models) {
      try {
        const [embedding] = await embedTexts(gateway, { caller, orgId, purpose: 'knowledge', signal }, model!, [input.query]);
        const hits = await vectorSearch(database, { collectionIds, model: model!, embedding: embedding!, limit: CANDIDATES, preference: deps.vectorSearch });
        // Nearest is not the same as relevant: below the minimum similarity a passage counts only if its words match.
        rankings.push(hits.filter((hit) => hit.score >= minSimilarity).map((hit) => hit.id));
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        // Full text still answers when the embedding model is refused or unreachable; say so.
        deps.logger.info({ model, reason: error.reason }, 'knowledge search without embeddings');
        notices.push(text(`Nur Volltextsuche: ${error.detail.de}`, `Full-text search only: ${error.detail.en}`));
      }
    }
    const fused = fuseRankings(rankings, { limit });
    return { passages: await load(fused), notices, collectionIds };
  }

  async function load(fused: ReturnType<typeof fuseRankings>): Promise<Passage[]> {
    if (fused.length === 0) return [];
    const rows = await db
      .select({
        chunkId: knowledgeChunks.id,
        documentId: knowledgeChunks.documentId,
        collectionId: knowledgeChunks.collectionId,
        section: knowledgeChunks.section,
        pageStart: knowledgeChunks.pageStart,
        pageEnd: knowledgeChunks.pageEnd,
        text: knowledgeChunks.text,
        title: knowledgeDocuments.title,
        filename: knowledgeDocuments.filename,
      })
      .from(knowledgeChunks)
      .innerJoin(knowledgeDocuments, eq(knowledgeDocuments.id, knowledgeChunks.documentId))
      .where(inArray(knowledgeChunks.id, fused.map((entry) => entry.id)));
    const byId = new Map(rows.map((row) => [row.chunkId, row]));
    return fused.flatMap((entry) => {
      const row = byId.get(entry.id);
      if (!row) return [];
      return [
        {
          chunkId: row.chunkId,
          documentId: row.documentId,
          collectionId: row.collectionId,
          source: row.title,
          filename: row.filename,
          page: row.pageStart,
          pageEnd: row.pageEnd,
          section: row.section,
          location: locationLabel(row),
          text: row.text,
          url: passageUrl(row.chunkId),
          score: entry.score,
          matchedBy: [...(entry.ranks[0] !== null ? (['text'] as const) : []), ...(entry.ranks.slice(1).some((rank) => rank !== null) ? (['meaning'] as const) : [])],
        },
      ];
    });
  }

  return {
    search,
    readableCollections,

    /**
     * Answers from the passages only, numbered [1], [2] … so every claim can be traced (WORK-3);
     * without matching passages it does not call the model at all.
     */
    async answer(caller: Caller, orgId: string, input: { question: string; collectionIds?: string[] | undefined; model?: string | undefined }, signal: AbortSignal) {
      const model = input.model ?? effectiveSettings(await orgs.get(), orgId).answerModel;
      if (!model) throw new ServiceError('VALIDATION', knowledgeMessages.noAnswerModel, { reason: 'no_answer_model' });
      const { passages, notices } = await search(caller, orgId, { query: input.question, collectionIds: input.collectionIds, limit: 6 }, signal);
      if (passages.length === 0) return { answer: null, message: knowledgeMessages.nothingFound, citations: [], notices, model, label: null, provenanceId: null };
      const sources = passages.map((passage, index) => `[${index + 1}] ${[passage.source, passage.location].filter(Boolean).join(', ')}\n${passage.text.slice(0, 1500)}`);
      const completion = await gateway.chat(
        { caller, orgId, purpose: 'knowledge', signal },
        {
          model,
          temperature: 0.2,
          messages: [
            {
              role: 'system',
              content: [
                'Du beantwortest Fragen ausschließlich anhand der folgenden Auszüge aus Dokumenten der Organisation.',
                'Belege jede Aussage mit der Nummer des Auszugs in eckigen Klammern, zum Beispiel [1] oder [2][3].',
                'Wenn die Auszüge die Frage nicht beantworten, sage das offen und erfinde nichts. Antworte in der Sprache der Frage.',
                '',
                ...sources,
              ].join('\n'),
            },
            { role: 'user', content: input.question },
          ],
        },
      );
      const answer = completion.choices[0]?.message.content ?? '';
      const cited = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
      return {
        answer,
        message: null,
        citations: passages.map((passage, index) => ({ n: index + 1, cited: cited.has(index + 1), ...passage })),
        notices,
        model: completion.model,
        label: completion.leitplanke.label,
        provenanceId: completion.leitplanke.provenance_id,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
