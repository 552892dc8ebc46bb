import type { ChatMessage } from '../../gateway/openai-types.js';

/** Fits a small open model's context (2–4k tokens) with room for instructions and the answer. */
export const MAP_CHARS = 3000;
/** Bounds the cost of a very large cluster: its members nearest the centre are read first. */
export const MAX_MAP_BATCHES = 6;

export type Summary = { title: string; summary: string };
export type Complete = (messages: ChatMessage[]) => Promise<string>;

const FORMAT = 'Antworte genau in diesem Format, ohne weitere Zeilen davor:\nTitel: <höchstens acht Wörter>\nZusammenfassung: <zwei bis vier Sätze>';

/** Groups texts into batches of at most `limit` characters (a longer text is cut to fit alone). */
export function batchesOf(texts: string[], limit = MAP_CHARS): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const value of texts) {
    const piece = value.length > limit ? `${value.slice(0, limit - 1)}…` : value;
    if (length + piece.length > limit && current.length) {
      batches.push(current);
      current = [];
      length = 0;
    }
    current.push(piece);
    length += piece.length + 1;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Reads "Titel: … / Zusammenfassung: …"; a model that ignores the format still yields a summary. */
export function parseSummary(reply: string, fallbackTitle: string): Summary {
  const title = /^\s*(?:\*\*)?(?:Titel|Title)(?:\*\*)?\s*:\s*(?:\*\*)?(.+?)(?:\*\*)?\s*$/im.exec(reply)?.[1]?.trim();
  const summary = /(?:Zusammenfassung|Summary)(?:\*\*)?\s*:\s*(?:\*\*)?([\s\S]+)/i.exec(reply)?.[1]?.trim();
  const body = (summary ?? reply.replace(/^\s*(?:Titel|Title)\s*:.*$/im, '')).trim();
  return { title: (title ?? fallbackTitle).replace(/^["„“]|["“”]$/g, '').slice(0, 120), summary: body.slice(0, 1500) };
}

/**
 * Map-reduce: each batch of inputs is summarised alone (map), then the partial summaries are merged
 * in batches until one remains (reduce). No call ever sees more than MAP_CHARS of input.
 */
export async function summariseCluster(inputs: { sourceId: string; text: string }[], keywords: string[], complete: Complete): Promise<Summary & { calls: number }> {
  const fallbackTitle = keywords.slice(0, 3).join(' · ') || 'Thema';
  let calls = 0;
  const batches = batchesOf(inputs.map((input) => `- (${input.sourceId}) ${input.text.replace(/\s+/g, ' ')}`)).slice(0, MAX_MAP_BATCHES);
  let partials: Summary[] = [];
  for (const batch of batches) {
    calls++;
    const reply = await complete([
      { role: 'system', content: `Du hilfst, viele Eingaben (z. B. Änderungsanträge oder Umfrageantworten) auszuwerten. Fasse zusammen, was die folgenden Eingaben gemeinsam sagen oder fordern. Erfinde nichts. ${FORMAT}` },
      { role: 'user', content: batch.join('\n') },
    ]);
    partials.push(parseSummary(reply, fallbackTitle));
  }
  while (partials.length > 1) {
    const groups = batchesOf(partials.map((partial) => `Titel: ${partial.title}\nZusammenfassung: ${partial.summary}`));
    const next: Summary[] = [];
    for (const group of groups) {
      calls++;
      const reply = await complete([
        { role: 'system', content: `Führe die folgenden Teilzusammenfassungen zu einem Thema zu einer einzigen Zusammenfassung zusammen. Erfinde nichts. ${FORMAT}` },
        { role: 'user', content: group.join('\n\n') },
      ]);
      next.push(parseSummary(reply, fallbackTitle));
    }
    // A group that cannot shrink any further is merged by taking the first title and joining texts.
    if (next.length === partials.length) {
      partials = [{ title: next[0]!.title, summary: next.map((entry) => entry.summary).join(' ').slice(0, 1500) }];
      break;
    }
    partials = next;
  }
  return { ...(partials[0] ?? { title: fallbackTitle, summary: '' }), calls };
}
