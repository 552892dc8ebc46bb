import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './session/session-context';

/**
 * Pages and their place in the navigation, in one list: each module adds its entries here.
 * `roles` are the roles (at the current organisation, inherited included) that see the entry.
 */
export type NavEntry = {
  path: string;
  /** Omit for pages reached by links only (details, comparisons). */
  labelKey?: string;
  section: 'work' | 'governance' | 'administration';
  roles?: Role[];
  page: LazyExoticComponent<ComponentType>;
};

export const navigation: NavEntry[] = [
  { path: 'chat', labelKey: 'workspace.nav.chat', section: 'work', page: lazy(() => import('./pages/workspace/chat-page')) },
  { path: 'assistenten', labelKey: 'workspace.nav.assistants', section: 'work', page: lazy(() => import('./pages/workspace/assistants-page')) },
  { path: 'modellvergleich', labelKey: 'workspace.nav.playground', section: 'work', page: lazy(() => import('./pages/workspace/playground-page')) },
  { path: 'hilfe', labelKey: 'workspace.nav.help', section: 'work', page: lazy(() => import('./pages/workspace/help-page')) },
  { path: 'meine-daten', labelKey: 'workspace.nav.myData', section: 'work', page: lazy(() => import('./pages/workspace/my-data-page')) },
  { path: 'wissen', labelKey: 'knowledge.nav.collections', section: 'work', page: lazy(() => import('./pages/knowledge/collections-page')) },
  { path: 'wissen/suche', labelKey: 'knowledge.nav.search', section: 'work', page: lazy(() => import('./pages/knowledge/search-page')) },
  { path: 'wissen/auswertung', labelKey: 'knowledge.nav.structuring', section: 'work', roles: ['staff', 'admin'], page: lazy(() => import('./pages/knowledge/structuring-page')) },
  { path: 'register/modelle', labelKey: 'registry.nav.models', section: 'governance', page: lazy(() => import('./pages/registry/models-page')) },
  { path: 'register/anbieter', labelKey: 'registry.nav.providers', section: 'governance', page: lazy(() => import('./pages/registry/providers-page')) },
  { path: 'register/priorisierung', labelKey: 'registry.nav.weights', section: 'governance', page: lazy(() => import('./pages/registry/weights-page')) },
  { path: 'register/regeln', labelKey: 'registry.nav.rules', section: 'governance', page: lazy(() => import('./pages/registry/rules-page')) },
  { path: 'register/pruefung', labelKey: 'registry.nav.review', section: 'governance', roles: ['reviewer'], page: lazy(() => import('./pages/registry/review-page')) },
  { path: 'bias-tests', labelKey: 'evaluation.nav.runs', section: 'governance', roles: ['reviewer', 'admin'], page: lazy(() => import('./pages/evaluation/runs-page')) },
  { path: 'bias-tests/sammlungen', labelKey: 'evaluation.nav.suites', section: 'governance', roles: ['reviewer', 'admin'], page: lazy(() => import('./pages/evaluation/suites-page')) },
  { path: 'bias-tests/einstellungen', labelKey: 'evaluation.nav.settings', section: 'governance', roles: ['reviewer', 'admin'], page: lazy(() => import('./pages/evaluation/settings-page')) },
  { path: 'steuerung/ki-register', labelKey: 'transparency.nav.register', section: 'governance', page: lazy(() => import('./pages/transparency/use-cases-page')) },
  { path: 'vorgaenge', labelKey: 'workflows.nav.cases', section: 'work', roles: ['staff', 'admin'], page: lazy(() => import('./pages/workflows/cases-page')) },
  { path: 'vorgaenge/ablaeufe', labelKey: 'workflows.nav.workflows', section: 'work', roles: ['staff', 'admin'], page: lazy(() => import('./pages/workflows/workflows-page')) },
  { path: 'vorgaenge/kanaele', labelKey: 'workflows.nav.channels', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/workflows/channels-page')) },
  { path: 'kennzeichnung/bilder', labelKey: 'provenance.nav.label', section: 'work', page: lazy(() => import('./pages/provenance/label-page')) },
  { path: 'kennzeichnung/pruefen', labelKey: 'provenance.nav.verify', section: 'work', page: lazy(() => import('./pages/provenance/verify-page')) },
  { path: 'kennzeichnung/mediathek', labelKey: 'provenance.nav.media', section: 'work', page: lazy(() => import('./pages/provenance/media-page')) },
  { path: 'kennzeichnung/veroeffentlichen', labelKey: 'provenance.nav.disclosures', section: 'governance', page: lazy(() => import('./pages/provenance/disclosures-page')) },
  { path: 'kennzeichnung/regeln', labelKey: 'provenance.nav.settings', section: 'governance', page: lazy(() => import('./pages/provenance/settings-page')) },
  { path: 'energie', labelKey: 'energy.nav.dashboard', section: 'governance', page: lazy(() => import('./pages/energy/energy-page')) },
  { path: 'ausnahmen', labelKey: 'accountability.nav.exceptions', section: 'governance', page: lazy(() => import('./pages/accountability/exceptions-page')) },
  { path: 'vorfaelle', labelKey: 'accountability.nav.incidents', section: 'governance', page: lazy(() => import('./pages/accountability/incidents-page')) },
  { path: 'beschwerden', labelKey: 'accountability.nav.complaints', section: 'governance', roles: ['staff', 'dpo', 'admin'], page: lazy(() => import('./pages/accountability/complaints-page')) },
  { path: 'datenschutz/filter', labelKey: 'guard.nav.settings', section: 'governance', roles: ['admin', 'dpo'], page: lazy(() => import('./pages/guard/guard-settings-page')) },
  { path: 'verwaltung/organisationen', labelKey: 'nav.organisations', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/orgs-page')) },
  { path: 'verwaltung/personen', labelKey: 'nav.users', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/users-page')) },
  { path: 'verwaltung/api-schluessel', labelKey: 'nav.apiKeys', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/api-keys-page')) },
  { path: 'verwaltung/pruefprotokoll', labelKey: 'nav.audit', section: 'administration', roles: ['admin', 'dpo'], page: lazy(() => import('./pages/admin/audit-page')) },
];

/** Pages without a navigation entry. */
export const linkedPages: Omit<NavEntry, 'labelKey' | 'section'>[] = [
  { path: 'benachrichtigungen', page: lazy(() => import('./pages/accountability/notifications-page')) },
  { path: 'wissen/sammlungen/:collectionId', page: lazy(() => import('./pages/knowledge/collection-page')) },
  { path: 'wissen/stelle/:chunkId', page: lazy(() => import('./pages/knowledge/passage-page')) },
  { path: 'wissen/auswertung/:runId', page: lazy(() => import('./pages/knowledge/run-page')) },
  { path: 'register/modelle/:modelId', page: lazy(() => import('./pages/registry/model-card-page')) },
  { path: 'register/vergleich', page: lazy(() => import('./pages/registry/compare-page')) },
  { path: 'bias-tests/laeufe/:runId', page: lazy(() => import('./pages/evaluation/run-page')) },
  { path: 'vorgaenge/neu/:workflowId', page: lazy(() => import('./pages/workflows/case-form-page')) },
  { path: 'vorgaenge/:caseId', page: lazy(() => import('./pages/workflows/case-page')) },
  { path: 'vorgaenge/:caseId/warum', page: lazy(() => import('./pages/workflows/why-page')) },
  { path: 'steuerung/ki-register/:useCaseId', page: lazy(() => import('./pages/transparency/use-case-page')) },
];

export const sections = [
  { id: 'work', labelKey: 'nav.work' },
  { id: 'governance', labelKey: 'nav.governance' },
  { id: 'administration', labelKey: 'nav.administration' },
] as const;
