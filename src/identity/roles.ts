import { text, type Text } from '../core/l10n.js';

export const roles = ['member', 'staff', 'reviewer', 'dpo', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, Text> = {
  member: text('Mitglied', 'Member'),
  staff: text('Mitarbeiter*in', 'Staff'),
  reviewer: text('Prüfer*in (Modellprüfung)', 'Reviewer (model review)'),
  dpo: text('Datenschutzbeauftragte*r', 'Data-protection officer'),
  admin: text('Administrator*in', 'Administrator'),
};

/**
 * What each role may do. Roles are granted per organisation and hold for its descendants too
 * (an admin of a state chapter administers its local chapters, never its parent or siblings).
 */
export const permissions = {
  'org.read': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'org.manage': ['admin'],
  'user.read': ['admin', 'dpo'],
  'user.manage': ['admin'],
  'apikey.manage': ['admin'],
  'audit.read': ['admin', 'dpo'],
  'model.use': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'provider.manage': ['admin'],
  'registry.read': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'registry.review': ['reviewer'],
  'registry.weights': ['reviewer', 'admin'],
  'evaluation.manage': ['reviewer'],
  'settings.manage': ['admin', 'dpo'],
  /** The organisation's AI guidelines on the help page (do's, don'ts, data-protection hints). */
  'guidelines.manage': ['admin', 'dpo'],
  'knowledge.read': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'knowledge.manage': ['staff', 'admin'],
  'knowledge.structure': ['staff', 'admin'],
  /** Case workflows: see and work on cases, run the assistant; approval roles come from each definition. */
  'workflow.use': ['staff', 'admin'],
  'workflow.manage': ['admin'],
  'assistant.manage': ['staff', 'admin'],
  'exception.request': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'exception.approve': ['reviewer', 'dpo', 'admin'],
  'incident.report': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'incident.read': ['staff', 'reviewer', 'dpo', 'admin'],
  'incident.triage': ['reviewer', 'dpo', 'admin'],
  'complaint.handle': ['staff', 'dpo', 'admin'],
  'transparency.read': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'transparency.comment': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'transparency.manage': ['staff', 'dpo', 'admin'],
  'content.label': ['member', 'staff', 'reviewer', 'dpo', 'admin'],
  'media.manage': ['staff', 'admin'],
  'disclosure.publish': ['staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function rolesGrant(held: Iterable<Role>, permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  for (const role of held) if (allowed.includes(role)) return true;
  return false;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
