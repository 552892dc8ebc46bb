import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './session/session-context';

/**
 * Pages and their place in the navigation, in one list: each module adds its entries here.
 * `roles` are the roles (at the current organisation, inherited included) that see the entry.
 */
export type NavEntry = {
  path: string;
  labelKey: string;
  section: 'work' | 'governance' | 'administration';
  roles?: Role[];
  page: LazyExoticComponent<ComponentType>;
};

export const navigation: NavEntry[] = [
  { path: 'verwaltung/organisationen', labelKey: 'nav.organisations', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/orgs-page')) },
  { path: 'verwaltung/personen', labelKey: 'nav.users', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/users-page')) },
  { path: 'verwaltung/api-schluessel', labelKey: 'nav.apiKeys', section: 'administration', roles: ['admin'], page: lazy(() => import('./pages/admin/api-keys-page')) },
  { path: 'verwaltung/pruefprotokoll', labelKey: 'nav.audit', section: 'administration', roles: ['admin', 'dpo'], page: lazy(() => import('./pages/admin/audit-page')) },
];

export const sections = [
  { id: 'work', labelKey: 'nav.work' },
  { id: 'governance', labelKey: 'nav.governance' },
  { id: 'administration', labelKey: 'nav.administration' },
] as const;
