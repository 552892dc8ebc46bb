import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../core/l10n.js';
import type { Services } from '../server/compose.js';
import { reportStyleHash } from './report/report-html.js';
import { registerVocabulary } from './vocabulary.js';

const tags = ['public'];
const scopeQuery = z.object({ org: z.string().max(100).optional() });
const reportQuery = scopeQuery.extend({ lang: z.enum(['de', 'en']).optional() });
const yearParams = z.object({ year: z.coerce.number().int() });

/** The transparency pages' data without login (OPEN-1, OPEN-3, OPEN-6): only public fields leave here. */
export const transparencyPublicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const register = services.transparency.publicRegister;
  const reports = services.transparency.reports;
  const baseUrl = (request: FastifyRequest) => (services.config.public_url ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const localeOf = (request: FastifyRequest, lang: Locale | undefined): Locale => lang ?? request.locale;

  app.get('/api/public/transparency/vocabulary', { schema: { tags, summary: 'Value lists of the register with German and English labels' } }, async () => registerVocabulary());

  app.get('/api/public/transparency/register', { schema: { tags, summary: 'The AI register: published entries, public fields only', querystring: scopeQuery } }, async (request) =>
    register.list(request.query.org),
  );

  app.get('/api/public/transparency/register.csv', { schema: { tags, summary: 'The AI register as CSV (RFC 4180)', querystring: scopeQuery } }, async (request, reply) =>
    reply
      .type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', 'attachment; filename="ki-register.csv"')
      .send(await register.csv(request.query.org)),
  );

  app.get('/api/public/transparency/register.atom', { schema: { tags, summary: 'Atom feed of the AI register', querystring: reportQuery } }, async (request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send(await register.atom(request.query.org, baseUrl(request), localeOf(request, request.query.lang))),
  );

  app.get(
    '/api/public/transparency/algoritmeregister.json',
    { schema: { tags, summary: 'The AI register in the shape of the Dutch Algoritmeregister standard 1.0.0', querystring: scopeQuery } },
    async (request) => register.standard(request.query.org, baseUrl(request)),
  );

  app.get(
    '/api/public/transparency/register/:useCaseId',
    { schema: { tags, summary: 'One published entry with its risk reasoning, participation and public incidents', params: z.object({ useCaseId: z.string().uuid() }) } },
    async (request) => register.get(request.params.useCaseId),
  );

  app.get('/api/public/transparency/models/criteria', { schema: { tags, summary: 'Criteria and weights of the published model prioritisation' } }, async () => register.models.criteria());

  app.get('/api/public/transparency/models/changes', { schema: { tags, summary: 'Decisions on models and providers, newest first (JSON)', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (request) =>
    register.models.changes(request.query.limit),
  );

  app.get('/api/public/transparency/incidents', { schema: { tags, summary: 'Incidents marked public, with correction and lessons learned', querystring: scopeQuery } }, async (request) =>
    register.incidents(request.query.org),
  );

  app.get('/api/public/transparency/disclosures', { schema: { tags, summary: 'Campaign disclosure: where AI was used in published material', querystring: scopeQuery } }, async (request) =>
    register.disclosures(request.query.org),
  );

  app.get('/api/public/transparency/reports/:year', { schema: { tags, summary: 'Yearly report figures (JSON)', params: yearParams, querystring: scopeQuery } }, async (request) =>
    reports.build(request.query.org, request.params.year),
  );

  app.get('/api/public/transparency/reports/:year/report.html', { schema: { tags, summary: 'Yearly report as a printable HTML page with charts', params: yearParams, querystring: reportQuery } }, async (request, reply) => {
    const html = await reports.html(request.query.org, request.params.year, localeOf(request, request.query.lang));
    // The report is one self-contained file: its inline style sheet is allowed by hash, nothing else.
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', `default-src 'none'; style-src ${reportStyleHash}; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`)
      .send(html);
  });

  app.get('/api/public/transparency/reports/:year/report.pdf', { schema: { tags, summary: 'Yearly report as a tagged PDF', params: yearParams, querystring: reportQuery } }, async (request, reply) => {
    const locale = localeOf(request, request.query.lang);
    const pdf = await reports.pdf(request.query.org, request.params.year, locale);
    const name = locale === 'de' ? `ki-jahresbericht-${request.params.year}.pdf` : `ai-annual-report-${request.params.year}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
  });
};
