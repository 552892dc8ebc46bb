import type { Caller } from '../identity/principal.js';
import type { Citation } from './schema.js';

/** One passage from the organisation's documents, with where it comes from (WORK-3). */
export type KnowledgePassage = {
  text: string;
  /** Document title or file name. */
  source: string;
  page?: number | null | undefined;
  section?: string | null | undefined;
  /** Where the citation leads: a link that opens the passage. */
  url?: string | null | undefined;
};

/**
 * What chat needs from the knowledge base (src/knowledge implements it). `retrieve` checks the
 * caller's access to each collection itself; the workspace only passes the assistant's collections.
 */
export interface KnowledgeRetriever {
  retrieve(caller: Caller, orgId: string, collectionIds: string[], query: string): Promise<KnowledgePassage[]>;
  /** Collections the caller may attach to an assistant in this organisation (for the assistant editor). */
  listCollections?(caller: Caller, orgId: string): Promise<{ id: string; name: string }[]>;
}

/** Until a knowledge base is wired in: no passages, no collections. */
export const noKnowledge: KnowledgeRetriever = {
  retrieve: async () => [],
  listCollections: async () => [],
};

const EXCERPT_CHARS = 300;

export function citationsOf(passages: KnowledgePassage[]): Citation[] {
  return passages.map((passage, index) => ({
    n: index + 1,
    source: passage.source,
    page: passage.page ?? null,
    section: passage.section ?? null,
    url: passage.url ?? null,
    excerpt: passage.text.length > EXCERPT_CHARS ? `${passage.text.slice(0, EXCERPT_CHARS).trimEnd()} …` : passage.text,
  }));
}

/** The passages as a numbered block for the system prompt, with the instruction to cite them. */
export function knowledgeBlock(passages: KnowledgePassage[]): string {
  const sources = passages.map((passage, index) => {
    const where = [passage.source, passage.page ? `Seite ${passage.page}` : '', passage.section ?? ''].filter(Boolean).join(', ');
    return `[${index + 1}] ${where}\n${passage.text.trim()}`;
  });
  return [
    'Nutze für deine Antwort die folgenden Auszüge aus Dokumenten der Organisation.',
    'Belege jede Aussage, die sich auf einen Auszug stützt, mit seiner Nummer in eckigen Klammern, zum Beispiel [1].',
    'Wenn die Auszüge die Frage nicht beantworten, sag das offen und erfinde keine Quellen.',
    '',
    ...sources,
  ].join('\n');
}

/**
 * For an assistant with knowledge collections when nothing relevant was found for the question: the
 * model must say so and must not present anything as taken from the organisation's documents.
 */
export function nothingFoundBlock(): string {
  return [
    'In den Wissenssammlungen dieses Assistenten (den Dokumenten der Organisation) wurde zu dieser Frage nichts Passendes gefunden.',
    'Sag zu Beginn deiner Antwort offen, dass die Dokumente der Organisation dazu nichts enthalten.',
    'Erfinde keine Quellen, keine Quellennummern in eckigen Klammern und keine Zitate, und gib nichts als Inhalt der Dokumente der Organisation aus.',
    'Wenn du trotzdem aus allgemeinem Wissen antwortest, kennzeichne das deutlich als allgemeines Wissen.',
  ].join('\n');
}
