import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text } from '../core/l10n.js';
import { modelStatuses, type ModelStatus } from './model-card.js';
import { isAtLeastAsStrict, RegistrySnapshot, type ModelEntry, type OrgRule, type ProviderConnection } from './registry-snapshot.js';

const provider = (id: string, zone: 'own' | 'eu' | 'non-eu'): ProviderConnection => ({
  id,
  name: id,
  kind: 'own_server',
  zone,
  jurisdiction: 'DE',
  location: 'DE',
  adapter: 'openai-compatible',
  baseUrl: 'http://x',
  apiKey: undefined,
  headers: {},
  options: {},
  status: 'approved',
  statusReason: text('', ''),
});

const model = (status: ModelStatus): ModelEntry => ({
  id: 'm',
  name: 'M',
  kind: 'chat',
  revision: '1',
  status,
  statusReason: text('Grund', 'reason'),
  exclusionCategory: null,
  deployments: [
    { providerId: 'own', upstreamModel: 'm', priority: 0 },
    { providerId: 'eu', upstreamModel: 'm', priority: 1 },
  ],
  fallbacks: [],
  activeParametersB: 8,
  totalParametersB: 8,
  energyWhPer1kOutputTokens: null,
  contextLength: null,
});

/** A random organisation tree as parent indexes (node 0 is the root) and random rules on its nodes. */
const treeWithRules = fc.record({
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
  status: fc.constantFrom(...modelStatuses),
  rules: fc.array(
    fc.record({
      node: fc.nat(),
      targetType: fc.constantFrom('model', 'provider', 'zone') as fc.Arbitrary<OrgRule['targetType']>,
      effect: fc.constantFrom('exclude', 'exception_only', 'restrict_roles') as fc.Arbitrary<OrgRule['effect']>,
      roles: fc.subarray(['member', 'staff', 'reviewer', 'dpo', 'admin']),
      provider: fc.constantFrom('own', 'eu'),
    }),
    { maxLength: 10 },
  ),
});

describe('federation (SOV-5)', () => {
  it('never lets a descendant loosen what an ancestor decided (property over random trees)', () => {
    fc.assert(
      fc.property(treeWithRules, ({ parents, status, rules }) => {
        const count = parents.length + 1;
        const parentOf = (node: number) => (node === 0 ? undefined : parents[node - 1]! % node);
        const lineage = (node: number) => {
          const chain: { id: string; name: string }[] = [];
          for (let current: number | undefined = node; current !== undefined; current = parentOf(current)) chain.push({ id: `org${current}`, name: `Org ${current}` });
          return chain;
        };
        const orgRules: OrgRule[] = rules.map((rule, index) => ({
          id: `r${index}`,
          orgId: `org${rule.node % count}`,
          orgName: `Org ${rule.node % count}`,
          targetType: rule.targetType,
          targetId: rule.targetType === 'model' ? 'm' : rule.targetType === 'provider' ? rule.provider : rule.provider === 'own' ? 'own' : 'eu',
          effect: rule.targetType === 'model' ? rule.effect : 'exclude',
          roles: rule.roles,
          reason: 'Regel',
        }));
        const snapshot = new RegistrySnapshot(new Map([['m', model(status)]]), new Map([['own', provider('own', 'own')], ['eu', provider('eu', 'eu')]]), orgRules);
        for (let node = 1; node < count; node++) {
          const parent = snapshot.effective('m', lineage(parentOf(node)!))!;
          const child = snapshot.effective('m', lineage(node))!;
          expect(isAtLeastAsStrict(child.status, parent.status)).toBe(true);
          const parentDeployments = new Set(parent.deployments.map((deployment) => deployment.providerId));
          expect(child.deployments.every((deployment) => parentDeployments.has(deployment.providerId))).toBe(true);
          if (parent.allowedRoles) {
            expect(child.allowedRoles).not.toBeNull();
            for (const role of child.allowedRoles!) expect(parent.allowedRoles.has(role)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names where a restriction comes from', () => {
    const rules: OrgRule[] = [{ id: 'r', orgId: 'state', orgName: 'Landesverband', targetType: 'model', targetId: 'm', effect: 'exclude', roles: [], reason: 'Beschluss des Landesvorstands' }];
    const snapshot = new RegistrySnapshot(new Map([['m', model('recommended')]]), new Map([['own', provider('own', 'own')]]), rules);
    const effective = snapshot.effective('m', [{ id: 'local', name: 'Kreisverband' }, { id: 'state', name: 'Landesverband' }, { id: 'root', name: 'Bund' }])!;
    expect(effective.status).toBe('excluded');
    expect(effective.restrictions).toEqual([expect.objectContaining({ source: 'organisation', orgName: 'Landesverband', effect: 'exclude' })]);
    expect(snapshot.effective('m', [{ id: 'root', name: 'Bund' }])!.status).toBe('recommended');
  });

  it('answers each lineage for itself, and the same lineage again from memory', () => {
    const rules: OrgRule[] = [{ id: 'r', orgId: 'state', orgName: 'Landesverband', targetType: 'model', targetId: 'm', effect: 'exclude', roles: [], reason: 'Beschluss' }];
    const snapshot = new RegistrySnapshot(new Map([['m', model('recommended')]]), new Map([['own', provider('own', 'own')]]), rules);
    const root = [{ id: 'root', name: 'Bund' }];
    const state = [{ id: 'state', name: 'Landesverband' }, ...root];
    expect(snapshot.effective('m', root)!.status).toBe('recommended');
    expect(snapshot.effective('m', state)!.status).toBe('excluded');
    expect(snapshot.effective('m', [{ id: 'local', name: 'Kreisverband' }, ...state])!.status).toBe('excluded');
    expect(snapshot.effective('m', root)!.status).toBe('recommended');
    expect(snapshot.effective('m', state)).toBe(snapshot.effective('m', [...state]));
    expect(snapshot.effective('unknown', root)).toBeUndefined();
  });

  it('excludes a model whose every provider is excluded by zone for that organisation', () => {
    const rules: OrgRule[] = [{ id: 'r', orgId: 'o', orgName: 'O', targetType: 'zone', targetId: 'own', effect: 'exclude', roles: [], reason: 'nur EU-Rechenzentrum' }];
    const snapshot = new RegistrySnapshot(new Map([['m', { ...model('approved'), deployments: [{ providerId: 'own', upstreamModel: 'm', priority: 0 }] }]]), new Map([['own', provider('own', 'own')]]), rules);
    expect(snapshot.effective('m', [{ id: 'o', name: 'O' }])!.status).toBe('excluded');
  });
});
