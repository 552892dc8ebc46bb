import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odtDocument } from '../../src/knowledge/extract/odt-blocks.js';
import { MAP_CHARS } from '../../src/knowledge/structuring/summarise.js';
import type { GatewayFixture } from '../helpers/gateway-fixture.js';
import { surveyCsv } from '../helpers/knowledge-documents.js';
import type { Session } from '../helpers/test-app.js';
import { CHAT_MODEL, knowledgeFixture } from './knowledge-fixture.js';
import { xlsxWorkbook } from './knowledge-xlsx.js';
import { loginAs } from './workspace-helpers.js';

type Cluster = { ordinal: number; title: string; summary: string; keywords: string[]; count: number; quotes: { sourceId: string; text: string }[]; summarisedBy: string | null };
type Run = { id: string; status: string; itemCount: number; clusterCount: number; jobId: string; progress: { status: string; done: number; total: number } | null; clusters: Cluster[] };

/** What the scripted model calls each topic: the titles must come back in clusters and exports. */
const TOPICS: [RegExp, string][] = [
  [/Radweg/, 'Sichere Radwege'],
  [/Miete|Wohn/, 'Bezahlbares Wohnen'],
  [/Bus|Nahverkehr/, 'Besserer Nahverkehr'],
  [/Kita|Betreuung/, 'Mehr Kitaplätze'],
];

let f: GatewayFixture;
let orgId: string;
let staff: Session;
let run: Run;

beforeAll(async () => {
  ({ f, orgId } = await knowledgeFixture('kb-structuring'));
  staff = (await loginAs(f, orgId, ['staff'])).session;
  f.upstream.script(CHAT_MODEL, {
    reply: (body) => {
      const input = String(body.messages.at(-1)?.content);
      const title = TOPICS.find(([pattern]) => pattern.test(input))?.[1] ?? 'Sonstiges';
      return `Titel: ${title}\nZusammenfassung: Die Eingaben zu „${title}“ fordern dasselbe.`;
    },
  });
  const response = await staff.request('POST', `/api/orgs/${orgId}/structuring/runs`, {
    name: 'Mitgliederbefragung 2026',
    files: [{ filename: 'umfrage.csv', contentBase64: Buffer.from(surveyCsv(200)).toString('base64') }],
    method: 'terms',
    clusters: 4,
    summaryModel: CHAT_MODEL,
  });
  expect(response.statusCode, response.body).toBe(202);
  const created = response.json<Run>();
  expect(created).toMatchObject({ status: 'queued', itemCount: 200 });
  await f.services.jobs.waitFor(created.jobId, 120_000);
  run = (await staff.request('GET', `/api/structuring/runs/${created.id}`)).json<Run>();
});
afterAll(async () => f?.closeAll());

describe('structuring 200 survey answers', () => {
  it('groups them into topic clusters with counts, summaries and representative quotes with their ids', () => {
    expect(run).toMatchObject({ status: 'succeeded', itemCount: 200, clusterCount: 4, progress: { status: 'succeeded' } });
    expect(run.progress!.done).toBe(run.progress!.total);
    expect(run.clusters.map((cluster) => cluster.title).sort()).toEqual(TOPICS.map(([, title]) => title).sort());
    expect(run.clusters.map((cluster) => cluster.count)).toEqual([50, 50, 50, 50]);
    for (const cluster of run.clusters) {
      const [pattern] = TOPICS.find(([, title]) => title === cluster.title)!;
      expect(cluster.summary).toContain(cluster.title);
      expect(cluster.summarisedBy).toBe(CHAT_MODEL);
      expect(cluster.quotes).toHaveLength(3);
      for (const quote of cluster.quotes) {
        expect(quote.sourceId).toMatch(/^A-\d{3}$/);
        expect(quote.text).toMatch(pattern);
      }
    }
  });

  it('summarises map-reduce: no model call sees more than one batch of inputs', () => {
    const calls = f.upstream.requests.filter((request) => request.path.endsWith('/chat/completions'));
    const inputs = calls.map((call) => String(call.body.messages.at(-1)?.content));
    for (const input of inputs) expect(input.length).toBeLessThanOrEqual(MAP_CHARS);
    // Map: every answer is read exactly once, 50 answers of ~120 characters need more than one call per cluster.
    const mapped = inputs.filter((input) => input.startsWith('- (')).flatMap((input) => [...input.matchAll(/^- \((A-\d{3})\)/gm)].map((match) => match[1]));
    expect(mapped).toHaveLength(200);
    expect(new Set(mapped).size).toBe(200);
    expect(inputs.filter((input) => input.startsWith('- ('))).toHaveLength(calls.length - 4);
    // Reduce: one call per cluster merges its partial summaries.
    expect(inputs.filter((input) => input.startsWith('Titel:'))).toHaveLength(4);
  });

  it('lists all members of a cluster with their ids', async () => {
    const cluster = run.clusters.find((entry) => entry.title === 'Mehr Kitaplätze')!;
    const items = (await staff.request('GET', `/api/structuring/runs/${run.id}/clusters/${cluster.ordinal + 1}`)).json<{ sourceId: string; text: string }[]>();
    expect(items).toHaveLength(50);
    expect(items.every((item) => item.text.includes('Kita'))).toBe(true);
    expect(items[0]!.sourceId).toBe('A-004');
  });

  it('exports CSV with one row per input and its cluster', async () => {
    const response = await staff.request('GET', `/api/structuring/runs/${run.id}/export?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('Mitgliederbefragung-2026.csv');
    const rows = parse(response.body, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'cluster', 'cluster_title', 'text']);
    expect(rows).toHaveLength(200);
    const radweg = rows.find((row) => row.id === 'A-001')!;
    expect(radweg.cluster_title).toBe('Sichere Radwege');
    expect(rows.filter((row) => row.cluster_title === 'Sichere Radwege')).toHaveLength(50);
  });

  it('exports Markdown with a table of topics and the quotes', async () => {
    const body = (await staff.request('GET', `/api/structuring/runs/${run.id}/export?format=md`)).body;
    expect(body).toContain('# Mitgliederbefragung 2026');
    expect(body).toContain('200 Eingaben in 4 Themen');
    expect(body).toMatch(/\| \d \| Bezahlbares Wohnen \| 50 \| 25 % \|/);
    expect(body).toMatch(/— \*A-\d{3}\*/);
  });

  it('exports ODT and DOCX as valid documents that contain the cluster titles', async () => {
    const odt = (await staff.request('GET', `/api/structuring/runs/${run.id}/export?format=odt`)).rawPayload;
    const odtFiles = unzipSync(odt);
    expect(strFromU8(odtFiles.mimetype!)).toBe('application/vnd.oasis.opendocument.text');
    const reread = odtDocument(odt);
    const headings = reread.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
    for (const [, title] of TOPICS) expect(headings.some((heading) => heading.endsWith(title))).toBe(true);

    const docx = (await staff.request('GET', `/api/structuring/runs/${run.id}/export?format=docx`));
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docxFiles = unzipSync(docx.rawPayload);
    expect(Object.keys(docxFiles)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = strFromU8(docxFiles['word/document.xml']!);
    for (const [, title] of TOPICS) expect(xml).toContain(title);
    // mammoth (which reads DOCX uploads) reads it too.
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx.rawPayload) });
    expect(value).toContain('Besserer Nahverkehr');
  });

  it('shows a run only to the person who started it', async () => {
    const colleague = (await loginAs(f, orgId, ['staff'])).session;
    expect((await colleague.request('GET', `/api/structuring/runs/${run.id}`)).statusCode).toBe(404);
    expect((await colleague.request('GET', `/api/structuring/runs/${run.id}/export?format=csv`)).statusCode).toBe(404);
    expect((await colleague.request('GET', `/api/orgs/${orgId}/structuring/runs`)).json()).toEqual([]);
    expect((await staff.request('GET', `/api/orgs/${orgId}/structuring/runs`)).json<{ id: string }[]>().map((entry) => entry.id)).toEqual([run.id]);
  });

  it('clusters by embeddings through the gateway when the organisation has an embedding model', async () => {
    const json = JSON.stringify(Array.from({ length: 40 }, (_, index) => ({ nr: `J${index + 1}`, kommentar: index % 2 ? `Mehr Bäume im Park ${index}` : `Weniger Lärm nachts ${index}` })));
    const response = await staff.request('POST', `/api/orgs/${orgId}/structuring/runs`, { name: 'JSON', files: [{ filename: 'eingaben.json', contentBase64: Buffer.from(json).toString('base64') }], summaryModel: null, clusters: 3 });
    expect(response.statusCode, response.body).toBe(202);
    const created = response.json<Run>();
    await f.services.jobs.waitFor(created.jobId, 60_000);
    const finished = (await staff.request('GET', `/api/structuring/runs/${created.id}`)).json<Run>();
    expect(finished).toMatchObject({ status: 'succeeded', itemCount: 40, clusterCount: 3 });
    expect(finished.clusters.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(40);
    expect(finished.clusters.every((cluster) => cluster.summarisedBy === null && cluster.quotes.every((quote) => /^J\d+$/.test(quote.sourceId)))).toBe(true);
    expect(f.upstream.requests.filter((request) => request.path.endsWith('/embeddings')).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file without text inputs, in German and English', async () => {
    const response = await staff.request('POST', `/api/orgs/${orgId}/structuring/runs`, { name: 'Leer', files: [{ filename: 'leer.csv', contentBase64: Buffer.from('id;antwort\n1;\n').toString('base64') }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain('keine Eingaben');
  });

  it('structures 200 survey answers uploaded as an XLSX workbook into the same four topics', async () => {
    // Numbers as numbers ("Nr.", "Viertel"), answers as shared strings (some in rich text runs).
    const answers = surveyCsv(200).trim().split('\n').slice(1).map((line) => line.slice(line.indexOf(';') + 1));
    const workbook = xlsxWorkbook([['Nr.', 'Viertel', 'Antwort'], ...answers.map((answer, index) => [index + 1, index + 1, answer])]);
    const response = await staff.request('POST', `/api/orgs/${orgId}/structuring/runs`, {
      name: 'Befragung als Tabelle',
      files: [{ filename: 'umfrage.xlsx', contentBase64: workbook.toString('base64') }],
      method: 'terms',
      clusters: 4,
      summaryModel: CHAT_MODEL,
    });
    expect(response.statusCode, response.body).toBe(202);
    const created = response.json<Run>();
    expect(created.itemCount).toBe(200);
    await f.services.jobs.waitFor(created.jobId, 120_000);
    const finished = (await staff.request('GET', `/api/structuring/runs/${created.id}`)).json<Run>();
    expect(finished).toMatchObject({ status: 'succeeded', itemCount: 200, clusterCount: 4 });
    expect(finished.clusters.map((cluster) => cluster.title).sort()).toEqual(TOPICS.map(([, title]) => title).sort());
    expect(finished.clusters.map((cluster) => cluster.count)).toEqual([50, 50, 50, 50]);
    for (const cluster of finished.clusters) {
      const [pattern] = TOPICS.find(([, title]) => title === cluster.title)!;
      for (const quote of cluster.quotes) {
        // The id is the "Nr." column; the quote is that row's whole answer, rich text runs joined.
        expect(quote.text).toMatch(pattern);
        expect(quote.text).toBe(answers[Number(quote.sourceId) - 1]);
      }
    }
  });
});
