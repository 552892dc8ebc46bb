import { and, asc, eq } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { workflowMessages } from './messages.js';
import { workflowChannels } from './schema.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * Channels the assistant may post to. Admins give each a name and a webhook URL (encrypted at rest,
 * never shown again); the assistant only ever names a channel, so it cannot post anywhere else.
 */
export function createChannelService(
  deps: Pick<WorkflowDeps, 'database' | 'audit' | 'orgs' | 'secrets' | 'clock'>,
) {
  const { db } = deps.database;

  return {
    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.use', orgId);
      return this.names(orgId);
    },

    async names(orgId: string) {
      return db
        .select({
          name: workflowChannels.name,
          label: workflowChannels.label,
          updatedAt: workflowChannels.updatedAt,
        })
        .from(workflowChannels)
        .where(eq(workflowChannels.orgId, orgId))
        .orderBy(asc(workflowChannels.name));
    },

    async url(orgId: string, name: string): Promise<string | undefined> {
      const [row] = await db
        .select()
        .from(workflowChannels)
        .where(and(eq(workflowChannels.orgId, orgId), eq(workflowChannels.name, name)));
      return row ? deps.secrets.open(row.webhookCiphertext) : undefined;
    },

    async set(caller: Caller, orgId: string, name: string, body: { label: string; webhookUrl: string }) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.manage', orgId);
      const values = {
        orgId,
        name,
        label: body.label,
        webhookCiphertext: deps.secrets.seal(body.webhookUrl),
        updatedAt: deps.clock.now(),
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(workflowChannels)
          .values(values)
          .onConflictDoUpdate({
            target: [workflowChannels.orgId, workflowChannels.name],
            set: {
              label: values.label,
              webhookCiphertext: values.webhookCiphertext,
              updatedAt: values.updatedAt,
            },
          });
        // The URL carries the webhook's secret: the audit log records only its host.
        await deps.audit(tx, caller, {
          action: 'workflows.channel.set',
          orgId,
          targetType: 'workflow_channel',
          targetId: name,
          after: { name, label: body.label, host: new URL(body.webhookUrl).host },
        });
      });
      return { name, label: body.label, updatedAt: values.updatedAt };
    },

    async remove(caller: Caller, orgId: string, name: string): Promise<void> {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.manage', orgId);
      await db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(workflowChannels)
          .where(and(eq(workflowChannels.orgId, orgId), eq(workflowChannels.name, name)))
          .returning();
        if (!removed)
          throw new ServiceError('NOT_FOUND', workflowMessages.channelNotFound(name), {
            reason: 'channel_not_found',
          });
        await deps.audit(tx, caller, {
          action: 'workflows.channel.delete',
          orgId,
          targetType: 'workflow_channel',
          targetId: name,
          before: { name, label: removed.label },
        });
      });
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
