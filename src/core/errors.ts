import type { Text } from './l10n.js';

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'POLICY_DENIED'
  | 'UPSTREAM'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const httpStatusByCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  POLICY_DENIED: 403,
  UPSTREAM: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const exitCodeByCode: Record<ErrorCode, number> = {
  VALIDATION: 2,
  UNAUTHENTICATED: 3,
  FORBIDDEN: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  LIMIT_EXCEEDED: 6,
  POLICY_DENIED: 3,
  UPSTREAM: 7,
  UNAVAILABLE: 7,
  INTERNAL: 1,
};

export type FieldIssue = { path: string; message: Text };

export type ServiceErrorOptions = {
  /** Machine-readable reason, e.g. `model_excluded`; becomes `reason` in problem details. */
  reason?: string;
  fields?: FieldIssue[];
  /** Extra public members for the problem document (never secrets). */
  extra?: Record<string, unknown>;
  retryAfterSeconds?: number;
  cause?: unknown;
};

/** The only error services throw on purpose. Transports map it: HTTP → problem+json, CLI → exit code. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly detail: Text;
  readonly reason: string | undefined;
  readonly fields: FieldIssue[];
  readonly extra: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, detail: Text, options: ServiceErrorOptions = {}) {
    super(detail.en, { cause: options.cause });
    this.name = 'ServiceError';
    this.code = code;
    this.detail = detail;
    this.reason = options.reason;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
