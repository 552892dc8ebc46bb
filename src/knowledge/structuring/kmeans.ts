/** A small, seeded PRNG (mulberry32): the same input and seed always give the same clusters. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normalise(vector: number[]): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const length = Math.sqrt(sum) || 1;
  return vector.map((value) => value / length);
}

function distance(a: number[], b: number[]): number {
  // Cosine distance on unit vectors.
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += a[index]! * b[index]!;
  return 1 - dot;
}

export type Clustering = { assignments: number[]; centroids: number[][] };

/**
 * Spherical k-means with k-means++ seeding from a fixed seed; clusters are renumbered by size (largest
 * first, ties by first member) so the result does not depend on seeding order.
 */
export function kMeans(vectors: number[][], k: number, options: { seed?: number; iterations?: number } = {}): Clustering {
  const points = vectors.map(normalise);
  const n = points.length;
  const clusters = Math.max(1, Math.min(k, n));
  const random = seededRandom(options.seed ?? 42);
  const centroids: number[][] = [points[Math.floor(random() * n)]!];
  const nearest = points.map((point) => distance(point, centroids[0]!));
  while (centroids.length < clusters) {
    const total = nearest.reduce((sum, value) => sum + value * value, 0);
    let target = random() * total;
    let chosen = n - 1;
    for (let index = 0; index < n; index++) {
      target -= nearest[index]! * nearest[index]!;
      if (target <= 0) {
        chosen = index;
        break;
      }
    }
    if (total === 0) chosen = centroids.length; // all points equal
    centroids.push(points[chosen]!);
    points.forEach((point, index) => (nearest[index] = Math.min(nearest[index]!, distance(point, points[chosen]!))));
  }
  let assignments = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 50); iteration++) {
    const next = points.map((point) => {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      centroids.forEach((centroid, index) => {
        const d = distance(point, centroid);
        if (d < bestDistance - 1e-12) [best, bestDistance] = [index, d];
      });
      return best;
    });
    const changed = next.some((value, index) => value !== assignments[index]);
    assignments = next;
    centroids.forEach((_, index) => {
      const members = points.filter((__, point) => assignments[point] === index);
      if (members.length === 0) return;
      const sum = new Array<number>(members[0]!.length).fill(0);
      for (const member of members) member.forEach((value, dimension) => (sum[dimension]! += value));
      centroids[index] = normalise(sum);
    });
    if (!changed && iteration > 0) break;
  }
  return renumberBySize({ assignments, centroids });
}

function renumberBySize(clustering: Clustering): Clustering {
  const sizes = clustering.centroids.map((_, index) => ({ index, size: 0, first: Number.POSITIVE_INFINITY }));
  clustering.assignments.forEach((cluster, point) => {
    sizes[cluster]!.size++;
    sizes[cluster]!.first = Math.min(sizes[cluster]!.first, point);
  });
  const order = sizes.filter((entry) => entry.size > 0).sort((a, b) => b.size - a.size || a.first - b.first);
  const mapping = new Map(order.map((entry, rank) => [entry.index, rank]));
  return { assignments: clustering.assignments.map((cluster) => mapping.get(cluster)!), centroids: order.map((entry) => clustering.centroids[entry.index]!) };
}

/** A cluster count that suits the input size when none is given: about √(n/2), between 2 and 12. */
export function defaultClusterCount(n: number): number {
  return Math.max(Math.min(2, n), Math.min(12, Math.round(Math.sqrt(n / 2))));
}

/** Members nearest the centroid first: the representative quotes. */
export function nearestToCentroid(vectors: number[][], members: number[], centroid: number[], count: number): number[] {
  return members
    .map((index) => ({ index, d: distance(normalise(vectors[index]!), centroid) }))
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.index);
}
