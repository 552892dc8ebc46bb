import type { InjectOptions } from 'fastify';
import type { Fixture, PrincipalSpec } from './fixtures.js';

/**
 * One row of the authorisation matrix: a route, who may call it on organisation A, and how to build
 * a valid request. `access` is 'public', 'authenticated', or a rule over the principal.
 */
export type RouteCase = {
  route: string;
  access: 'public' | 'authenticated' | ((spec: PrincipalSpec) => boolean);
  prepare?: (fixture: Fixture) => Promise<Record<string, string>>;
  request: (fixture: Fixture, prepared: Record<string, string>) => Omit<InjectOptions, 'method'>;
  /** Statuses that count as "let through" when 2xx is not what a valid call returns. */
  expectAllowed?: number[];
  /**
   * Status for a principal that may not see the resource; 403 unless existence itself is hidden (404).
   * A function when it depends on the principal (e.g. 404 for who may not see a case, 403 for who sees it but may not decide).
   */
  deniedStatus?: number | ((spec: PrincipalSpec) => number);
};
