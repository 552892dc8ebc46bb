/** A ranked list from one retriever: ids, best first. */
export type Ranking = readonly string[];

export type Fused = { id: string; score: number; ranks: (number | null)[] };

/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): score = Σ 1/(k + rank). It needs
 * no score calibration between full-text rank and cosine distance; k = 60 as in the paper.
 */
export function fuseRankings(rankings: Ranking[], options: { k?: number; limit?: number } = {}): Fused[] {
  const k = options.k ?? 60;
  const byId = new Map<string, Fused>();
  rankings.forEach((ranking, list) => {
    ranking.forEach((id, index) => {
      let entry = byId.get(id);
      if (!entry) {
        entry = { id, score: 0, ranks: rankings.map(() => null) };
        byId.set(id, entry);
      }
      if (entry.ranks[list] !== null) return;
      entry.ranks[list] = index + 1;
      entry.score += 1 / (k + index + 1);
    });
  });
  // Ties break on the best single rank, then on the earlier list (search passes full text first: at an
  // equal rank a passage with the question's words beats one that is only similar), then on the id,
  // so equal inputs give equal outputs.
  const fused = [...byId.values()].sort((a, b) => b.score - a.score || bestRank(a) - bestRank(b) || firstList(a) - firstList(b) || (a.id < b.id ? -1 : 1));
  return options.limit === undefined ? fused : fused.slice(0, options.limit);
}

function firstList(entry: Fused): number {
  return entry.ranks.findIndex((rank) => rank !== null);
}

function bestRank(entry: Fused): number {
  return Math.min(...entry.ranks.map((rank) => rank ?? Number.POSITIVE_INFINITY));
}
