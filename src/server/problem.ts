import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpStatusByCode, isServiceError, ServiceError, type ErrorCode, type FieldIssue } from '../core/errors.js';
import { text, type Locale, type Text } from '../core/l10n.js';

const titles: Record<ErrorCode, Text> = {
  VALIDATION: text('Ungültige Eingabe', 'Invalid input'),
  UNAUTHENTICATED: text('Anmeldung erforderlich', 'Authentication required'),
  FORBIDDEN: text('Keine Berechtigung', 'Forbidden'),
  NOT_FOUND: text('Nicht gefunden', 'Not found'),
  CONFLICT: text('Konflikt', 'Conflict'),
  LIMIT_EXCEEDED: text('Limit überschritten', 'Limit exceeded'),
  POLICY_DENIED: text('Durch Richtlinie abgelehnt', 'Denied by policy'),
  UPSTREAM: text('Fehler beim Modellanbieter', 'Model provider error'),
  UNAVAILABLE: text('Vorübergehend nicht verfügbar', 'Temporarily unavailable'),
  INTERNAL: text('Interner Fehler', 'Internal error'),
};

const openAiTypes: Record<ErrorCode, string> = {
  VALIDATION: 'invalid_request_error',
  UNAUTHENTICATED: 'authentication_error',
  FORBIDDEN: 'permission_error',
  NOT_FOUND: 'not_found_error',
  CONFLICT: 'invalid_request_error',
  LIMIT_EXCEEDED: 'rate_limit_error',
  POLICY_DENIED: 'permission_error',
  UPSTREAM: 'api_error',
  UNAVAILABLE: 'api_error',
  INTERNAL: 'api_error',
};

const genericDetail: Record<ErrorCode, Text> = {
  VALIDATION: text('Bitte prüfen Sie die markierten Felder.', 'Please check the fields listed.'),
  UNAUTHENTICATED: text('Bitte melden Sie sich an.', 'Please log in.'),
  FORBIDDEN: text('Dafür fehlt Ihnen die Berechtigung.', 'You do not have permission to do this.'),
  NOT_FOUND: text('Die angeforderte Ressource gibt es nicht.', 'The requested resource does not exist.'),
  CONFLICT: text('Die Anfrage steht im Konflikt mit dem aktuellen Zustand.', 'The request conflicts with the current state.'),
  LIMIT_EXCEEDED: text('Zu viele Anfragen. Bitte später erneut versuchen.', 'Too many requests. Please try again later.'),
  POLICY_DENIED: text('Die Anfrage ist nach den Richtlinien nicht erlaubt.', 'The request is not allowed by policy.'),
  UPSTREAM: text('Der Modellanbieter hat einen Fehler gemeldet.', 'The model provider reported an error.'),
  UNAVAILABLE: text('Der Dienst ist vorübergehend nicht verfügbar.', 'The service is temporarily unavailable.'),
  INTERNAL: text(
    'Ein unerwarteter Fehler ist aufgetreten. Die Anfrage-ID hilft der Administration bei der Suche.',
    'An unexpected error occurred. The request id helps the administrators find it.',
  ),
};

const germanIssue = z.locales.de().localeError;

export function fieldIssuesFromZod(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldIssue[] {
  return issues.map((issue) => {
    const german = germanIssue(issue as Parameters<typeof germanIssue>[0]);
    return {
      path: [...prefix, ...issue.path.map(String)].join('.'),
      message: text(typeof german === 'string' ? german : (german?.message ?? issue.message), issue.message),
    };
  });
}

/** RFC 9457 problem details; on /v1 also OpenAI's `error` member so the official SDKs show the message. */
export function problemBody(error: ServiceError, request: FastifyRequest, locale: Locale) {
  const status = httpStatusByCode[error.code];
  const detail = error.detail[locale];
  return {
    type: `urn:leitplanke:problem:${(error.reason ?? error.code).toLowerCase().replaceAll('_', '-')}`,
    title: titles[error.code][locale],
    status,
    detail,
    instance: request.url.split('?')[0],
    code: error.code,
    ...(error.reason ? { reason: error.reason } : {}),
    request_id: request.id,
    ...(error.fields.length > 0 ? { errors: error.fields.map((field) => ({ path: field.path, message: field.message[locale] })) } : {}),
    ...error.extra,
    ...(request.url.startsWith('/v1/')
      ? { error: { message: detail, type: openAiTypes[error.code], code: error.reason ?? error.code.toLowerCase(), param: null } }
      : {}),
  };
}

export function toServiceError(error: unknown): ServiceError {
  if (isServiceError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const source = (error as { validationContext?: string }).validationContext ?? 'body';
    return new ServiceError('VALIDATION', genericDetail.VALIDATION, {
      reason: 'invalid_request',
      fields: error.validation.map((issue) => {
        // The provider flattens the zod issue into { keyword, instancePath, message, params }.
        const zodIssue = { ...(issue.params as object), code: issue.keyword, path: [], message: issue.message } as unknown as z.core.$ZodIssue;
        const path = [source, ...issue.instancePath.split('/').filter(Boolean)].join('.');
        return { path, message: fieldIssuesFromZod([zodIssue])[0]!.message };
      }),
    });
  }
  if (error instanceof z.ZodError) {
    return new ServiceError('VALIDATION', genericDetail.VALIDATION, { reason: 'invalid_request', fields: fieldIssuesFromZod(error.issues) });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.statusCode === 415) {
    return new ServiceError('VALIDATION', text('Bitte JSON senden (Content-Type: application/json).', 'Please send JSON (Content-Type: application/json).'), {
      reason: 'unsupported_media_type',
      extra: { status: 415 },
    });
  }
  if (fastifyError?.statusCode === 413) {
    return new ServiceError('VALIDATION', text('Die Anfrage ist zu groß.', 'The request is too large.'), { reason: 'payload_too_large' });
  }
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ServiceError('VALIDATION', text(`Ungültige Anfrage: ${fastifyError.message}`, `Bad request: ${fastifyError.message}`), {
      reason: fastifyError.code?.toLowerCase() ?? 'bad_request',
    });
  }
  return new ServiceError('INTERNAL', genericDetail.INTERNAL, { reason: 'internal', cause: error });
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: ServiceError, locale: Locale): FastifyReply {
  const body = problemBody(error, request, locale);
  const status = typeof error.extra.status === 'number' ? error.extra.status : body.status;
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(status).type('application/problem+json; charset=utf-8').send({ ...body, status });
}

export { genericDetail };
