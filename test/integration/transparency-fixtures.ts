import { buildRiskAnswers } from '../../src/transparency/risk/index.js';
import type { CreateUseCaseInput } from '../../src/transparency/use-case-input.js';
import type { Caller, Principal } from '../../src/identity/principal.js';
import type { Role } from '../../src/identity/roles.js';

let counter = 0;

/** A valid new register entry; overrides win. */
export function useCaseInput(overrides: Partial<CreateUseCaseInput> = {}): CreateUseCaseInput {
  counter++;
  return {
    name: `Antragsassistent ${counter}`,
    summary: 'Ein Assistent nennt Antragstellenden fehlende Unterlagen.',
    purpose: 'Schnellere Bearbeitung von Wohngeldanträgen.',
    contact: 'ki-register@musterstadt.example',
    responsiblePerson: { name: 'Erika Mustermann', role: 'Amtsleitung' },
    ...overrides,
  };
}

/** Wizard answers for the cases the tests need (defaults answer "no"/"none"). */
export const answers = {
  minimal: () => buildRiskAnswers(),
  chatbot: () => buildRiskAnswers({ 'art50-direct-interaction': 'yes' }),
  cvScreening: () => buildRiskAnswers({ 'annex-iii-employment': ['4a'], 'art6-3-profiling': 'yes' }),
  socialScoring: () => buildRiskAnswers({ 'art5-social-scoring': 'yes' }),
  staffScoring: () => buildRiskAnswers({ 'staff-member-scoring': 'yes' }),
};

/** A service caller holding `roles` at `orgId`, without a session (service-level tests). */
export function callerWith(orgId: string, roles: Role[], name = 'Test Person'): Caller {
  const principal: Principal = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'test@test.example',
    displayName: name,
    locale: 'de',
    grants: roles.map((role) => ({ orgId, role })),
  };
  return { principal, actor: { type: 'user', id: principal.userId, label: principal.email }, requestId: 'test', locale: 'de' };
}
