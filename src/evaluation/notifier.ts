import type { AuditEmitter } from '../audit/audit-service.js';
import type { Text } from '../core/l10n.js';
import type { Tx } from '../db/connection.js';
import type { Caller } from '../identity/principal.js';

/** What reviewers are told when a run finishes: the outcome, what it did to the model, and where the report is. */
export type ReviewerNotification = {
  kind: 'evaluation.failed' | 'evaluation.passed' | 'evaluation.unfinished';
  orgId: string;
  runId: string;
  modelId: string;
  title: Text;
  body: Text;
  /** Path of the report in the web UI. */
  link: string;
};

/**
 * HOOK for in-product notifications (issue 5, item 5): `notifyReviewers` is called inside the transaction that
 * completes a run. Until the accountability module's notifications exist, the default records the notification
 * in the audit log (action `evaluation.notify.reviewers`); compose.ts passes the real one once it is there.
 * Returns where the notification went, stored with the run.
 */
export type NotifyReviewers = (tx: Tx, caller: Caller, notification: ReviewerNotification) => Promise<string>;

export function auditLogNotifier(audit: AuditEmitter): NotifyReviewers {
  return async (tx, caller, notification) => {
    await audit(tx, caller, {
      action: 'evaluation.notify.reviewers',
      orgId: notification.orgId,
      targetType: 'evaluation_run',
      targetId: notification.runId,
      metadata: { ...notification },
    });
    return 'audit_log';
  };
}
