/** A minimal Atom 1.0 writer (RFC 4287) for the register and the model-list changes. */

export type AtomEntry = {
  id: string;
  title: string;
  updated: string;
  summary?: string;
  link?: string;
  categories?: string[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  selfUrl: string;
  alternateUrl: string;
  language: 'de' | 'en';
  author: string;
  entries: AtomEntry[];
};

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values, and drops characters XML 1.0 does not allow. */
export function xmlEscape(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (char) => entities[char]!);
}

function entryXml(entry: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${xmlEscape(entry.id)}</id>`,
    `    <title>${xmlEscape(entry.title)}</title>`,
    `    <updated>${xmlEscape(entry.updated)}</updated>`,
    ...(entry.link ? [`    <link rel="alternate" type="text/html" href="${xmlEscape(entry.link)}"/>`] : []),
    ...(entry.categories ?? []).map((term) => `    <category term="${xmlEscape(term)}"/>`),
    ...(entry.summary ? [`    <summary type="text">${xmlEscape(entry.summary)}</summary>`] : []),
    '  </entry>',
  ].join('\n');
}

export function atomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    `  <id>${xmlEscape(feed.id)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${xmlEscape(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${xmlEscape(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternateUrl)}"/>`,
    `  <author><name>${xmlEscape(feed.author)}</name></author>`,
    '  <generator>Leitplanke</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
