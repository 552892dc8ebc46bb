/** German and English words that say nothing about a topic. */
const STOPWORDS = new Set(
  (
    'aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis bitte bleibt da dabei damit dann das dass dein dem den denn der des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige er es etwas euch euer für gegen gibt hab habe haben hat hatte hätte ich ihr ihre im in ist ja jede jedem jeden jeder jedes jetzt kann kein keine können könnte man mehr mein meine mich mir mit muss müssen nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so soll sollen sollte sollten sondern sowie über um und uns unser unsere unter viel viele vom von vor war waren was weil wenn wer werden wie wir wird wo wollen zu zum zur zwischen wurde wurden worden ganz immer schon gut mal wäre the and for with that this from are was were have has not but you your our they their'
  ).split(' '),
);

export function words(value: string): string[] {
  return (value.toLowerCase().match(/[a-zäöüß][a-zäöüß-]{2,}/g) ?? []).filter((word) => !STOPWORDS.has(word));
}

/**
 * TF-IDF vectors over the corpus' own vocabulary, hashed into a fixed number of dimensions: the
 * model-free way to cluster (and what keeps clustering working without an embedding model).
 */
export function termVectors(texts: string[], dimensions = 512): number[][] {
  const documentFrequency = new Map<string, number>();
  const tokenised = texts.map((value) => words(value));
  for (const tokens of tokenised) for (const word of new Set(tokens)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  return tokenised.map((tokens) => {
    const vector = new Array<number>(dimensions).fill(0);
    const counts = new Map<string, number>();
    for (const word of tokens) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, count] of counts) {
      const idf = Math.log((1 + texts.length) / (1 + documentFrequency.get(word)!)) + 1;
      vector[hash(word) % dimensions]! += (1 + Math.log(count)) * idf;
    }
    return vector;
  });
}

function hash(word: string): number {
  let value = 2166136261;
  for (let index = 0; index < word.length; index++) value = Math.imul(value ^ word.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** Words frequent in the cluster and rare outside it (a cluster's label without any model). */
export function distinctiveTerms(clusterTexts: string[], allTexts: string[], count = 5): string[] {
  const inCluster = new Map<string, number>();
  const overall = new Map<string, number>();
  for (const value of allTexts) for (const word of new Set(words(value))) overall.set(word, (overall.get(word) ?? 0) + 1);
  for (const value of clusterTexts) for (const word of new Set(words(value))) inCluster.set(word, (inCluster.get(word) ?? 0) + 1);
  return [...inCluster.entries()]
    .filter(([, frequency]) => frequency >= Math.min(2, clusterTexts.length))
    .map(([word, frequency]) => ({ word, score: (frequency / clusterTexts.length) * Math.log(allTexts.length / overall.get(word)!) }))
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : 1))
    .slice(0, count)
    .map((entry) => entry.word);
}
