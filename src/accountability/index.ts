import { createAttachmentStore } from './attachments.js';
import { createComplaintService } from './complaint-service.js';
import { createPublicComplaints } from './complaint-public.js';
import type { AccountabilityDeps } from './deps.js';
import { createDirectory } from './directory.js';
import { createDueChecks } from './due-checks.js';
import { createExceptionChecker } from './exception-checker.js';
import { createExceptionService } from './exception-service.js';
import { HolidayCalendar } from './holidays.js';
import { createIncidentService } from './incident-service.js';
import { createMailer, type Mailer } from './mailer.js';
import { createNotifier } from './notifier.js';
import { createPublicIncidentSource } from './public-sources.js';

export type { AccountabilityDeps } from './deps.js';

/**
 * Exceptions (SOV-3), incidents (OPEN-3), the complaint office (OPEN-4) and the notifications they
 * send. `start()` runs the periodic checks (reminders, expiry, escalation) with the server.
 */
export function createAccountability(deps: AccountabilityDeps & { mailer?: Mailer }) {
  const mailer = deps.mailer ?? createMailer(deps.config);
  const directory = createDirectory(deps.users);
  const notifier = createNotifier({ database: deps.database, clock: deps.clock, config: deps.config, jobs: deps.jobs, mailer });
  const attachments = createAttachmentStore(deps.config.data_dir, deps.config.attachment_max_bytes);
  const calendar = new HolidayCalendar({ state: deps.config.holiday_state, extra: deps.config.extra_holidays });
  const shared = { ...deps, directory, notifier, attachments };
  const exceptions = createExceptionService(shared);
  const incidents = createIncidentService(shared);
  const complaints = createComplaintService({ ...shared, calendar });
  const publicComplaints = createPublicComplaints({ ...shared, calendar, complaints, mailerSend: (mail) => mailer.send(mail) });
  const checks = createDueChecks({ ...shared, exceptions, incidents, complaints, publicComplaints });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  function tick(): void {
    if (running) return;
    running = checks
      .run(deps.logger)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'accountability checks failed'))
      .finally(() => {
        running = undefined;
      });
  }

  return {
    exceptions,
    incidents,
    complaints,
    publicComplaints,
    notifications: notifier,
    calendar,
    mailEnabled: mailer.enabled,
    /** The gateway's hook for exception-only models. */
    exceptionChecker: createExceptionChecker(deps),
    /** Published incident summaries (`publicIncidents`) and yearly figures, for the transparency register. */
    publicIncidents: (query?: { orgIds?: string[]; limit?: number }) => incidents.publicIncidents(query),
    incidentSource: createPublicIncidentSource(deps.database, incidents),
    /** Runs the time-driven checks once (tests, CLI); `start` runs them periodically. */
    runDueChecks: () => checks.run(deps.logger),
    start(): void {
      if (timer) return;
      timer = setInterval(tick, deps.config.accountability_check_minutes * 60_000);
      timer.unref();
      tick();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
      mailer.close();
    },
  };
}

export type Accountability = ReturnType<typeof createAccountability>;
