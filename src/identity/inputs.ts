import { z } from 'zod';
import { roles } from './roles.js';

export const orgKinds = ['federal', 'state', 'regional', 'local', 'municipality', 'department', 'other'] as const;

export const slugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and hyphens');

export const createOrgInput = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(orgKinds),
  parentId: z.string().uuid(),
});
export type CreateOrgInput = z.infer<typeof createOrgInput>;

export const updateOrgInput = z.object({ name: z.string().trim().min(1).max(200).optional(), kind: z.enum(orgKinds).optional() });

export const roleSchema = z.enum(roles);

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(1024).optional(),
  roles: z.array(roleSchema).min(1).default(['member']),
  locale: z.enum(['de', 'en']).default('de'),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const setRolesInput = z.object({ roles: z.array(roleSchema) });

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: roleSchema.default('member'),
  expiresAt: z.coerce.date().optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const loginInput = z.object({ email: z.string().trim().toLowerCase().min(1).max(320), password: z.string().min(1).max(1024) });

export const changePasswordInput = z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(12).max(1024) });
