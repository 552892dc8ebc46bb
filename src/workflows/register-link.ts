import { and, eq } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Database } from '../db/connection.js';
import type { Caller } from '../identity/principal.js';
import { workflowRegisterLinks } from './schema.js';

/**
 * How workflows reach the transparency register (OPEN-1/2) without reading its tables: compose passes
 * a `RegisterLink`. `unconnectedRegister` stands in while none is wired; `useCaseRegisterLink` adapts
 * the register's use-case service (createUseCase/getUseCase) and remembers which entry is whose.
 */
export type RiskClass = 'prohibited' | 'high' | 'limited' | 'minimal';

/** `riskClass` is null while the register has not assessed the entry yet. */
export type RegisteredUseCase = { id: string; riskClass: RiskClass | null; status?: string | undefined };

/** What a workflow tells the register about its use case. `key` is the workflow id. */
export type UseCaseProposal = {
  key: string;
  name: Text;
  purpose: Text;
  riskClass: Exclude<RiskClass, 'prohibited'>;
  riskReason: Text;
  humanOversight: Text;
  models: string[];
};

export type RegisterLink = {
  /** False while no register is wired in: the UI says so instead of "not registered". */
  connected: boolean;
  find(caller: Caller, orgId: string, key: string): Promise<RegisteredUseCase | null>;
  /** Registers the use case once; the register applies its own permissions. */
  link(caller: Caller, orgId: string, proposal: UseCaseProposal): Promise<RegisteredUseCase>;
};

export const unconnectedRegister: RegisterLink = {
  connected: false,
  find: async () => null,
  link: async () => {
    throw new ServiceError(
      'UNAVAILABLE',
      text(
        'Das Transparenzregister ist in dieser Installation noch nicht angebunden.',
        'The transparency register is not connected in this installation yet.',
      ),
      { reason: 'register_not_connected' },
    );
  },
};

type UseCaseEntry = { id: string; status: string; risk: { riskClass: RiskClass } | null };
/** The part of the register's use-case service a workflow needs (structural, so no import of the module). */
export type UseCaseRegister = {
  createUseCase(
    caller: Caller,
    orgId: string,
    input: {
      name: string;
      summary: string;
      purpose: string;
      humanOversight: string;
      riskManagement: string;
      contact: string;
      responsiblePerson: { name: string; role: string };
      models: { name: string; version: string | null; provider: string }[];
    },
  ): Promise<UseCaseEntry>;
  getUseCase(caller: Caller, id: string): Promise<UseCaseEntry>;
};

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

export function useCaseRegisterLink(database: Database, register: UseCaseRegister): RegisterLink {
  const { db } = database;
  const entry = (found: UseCaseEntry): RegisteredUseCase => ({
    id: found.id,
    riskClass: found.risk?.riskClass ?? null,
    status: found.status,
  });

  async function linked(orgId: string, key: string) {
    const [row] = await db
      .select()
      .from(workflowRegisterLinks)
      .where(and(eq(workflowRegisterLinks.orgId, orgId), eq(workflowRegisterLinks.workflowId, key)));
    return row;
  }

  return {
    connected: true,
    async find(caller, orgId, key) {
      const row = await linked(orgId, key);
      return row ? entry(await register.getUseCase(caller, row.useCaseId)) : null;
    },
    async link(caller, orgId, proposal) {
      const existing = await linked(orgId, proposal.key);
      if (existing) return entry(await register.getUseCase(caller, existing.useCaseId));
      const principal = caller.principal;
      if (principal.kind !== 'user')
        throw new ServiceError(
          'FORBIDDEN',
          text('Eintragen darf nur eine angemeldete Person.', 'Only a signed-in person may register.'),
          { reason: 'person_required' },
        );
      const created = await register.createUseCase(caller, orgId, {
        name: clip(proposal.name.de, 100),
        summary: clip(proposal.purpose.de, 350),
        purpose: clip(proposal.purpose.de, 1200),
        humanOversight: clip(proposal.humanOversight.de, 2500),
        // The definition's own classification, for whoever runs the register's risk assessment.
        riskManagement: clip(
          `Einstufung laut Arbeitsablauf „${proposal.key}“: ${proposal.riskClass}. ${proposal.riskReason.de}`,
          2200,
        ),
        contact: principal.email,
        responsiblePerson: { name: principal.displayName, role: 'Verantwortlich für den Arbeitsablauf' },
        models: proposal.models.map((name) => ({ name, version: null, provider: 'Leitplanke-Gateway' })),
      });
      await db
        .insert(workflowRegisterLinks)
        .values({ orgId, workflowId: proposal.key, useCaseId: created.id })
        .onConflictDoNothing();
      return entry(created);
    },
  };
}
