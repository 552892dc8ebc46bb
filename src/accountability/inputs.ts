import { z } from 'zod';
import { roles } from '../identity/roles.js';
import { attachmentInput, MAX_ATTACHMENTS } from './attachments.js';

/** SOV-3's justification categories, plus "other". */
export const exceptionCategories = ['multimodal', 'research', 'external_collaboration', 'other'] as const;
/** Data classes of the data-protection guard (issue 7): what may go to the platform under the exception. */
export const dataClasses = ['public', 'internal', 'confidential', 'personal'] as const;
export type DataClass = (typeof dataClasses)[number];

const longText = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const exceptionRequestInput = z.object({
  platform: longText(2, 200),
  modelId: optionalText(200),
  useCase: longText(10, 2000),
  category: z.enum(exceptionCategories),
  justification: longText(20, 5000),
  dataClasses: z.array(z.enum(dataClasses)).min(1).max(dataClasses.length),
  /** E-mail addresses of the people the exception is for. */
  people: z.array(z.string().trim().email()).max(100).default([]),
  roles: z.array(z.enum(roles)).max(roles.length).default([]),
  startsAt: z.coerce.date().optional(),
  expiresAt: z.coerce.date(),
});
export type ExceptionRequestInput = z.input<typeof exceptionRequestInput>;

export const exceptionDecisionInput = z.object({ conditions: optionalText(5000), note: optionalText(5000) });
export const exceptionRejectInput = z.object({ note: longText(3, 5000) });
export const exceptionEndInput = z.object({ reason: longText(3, 5000) });
export const exceptionListQuery = z.object({ status: z.enum(['requested', 'active', 'expired', 'ended', 'all']).default('all') });

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const seriousSeverities: readonly Severity[] = ['high', 'critical'];

export const incidentReportInput = z.object({
  title: longText(3, 200),
  description: longText(10, 10_000),
  /** Where it happened: chat, an API integration, campaign material, a published text … */
  location: longText(2, 500),
  occurredAt: z.coerce.date().optional(),
  modelId: optionalText(200),
  /** Which content: a provenance id, a link, a file name. */
  contentRef: optionalText(1000),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS).default([]),
});
export type IncidentReportInput = z.input<typeof incidentReportInput>;

export const incidentTriageInput = z.object({ severity: z.enum(severities), modelId: optionalText(200), note: optionalText(5000) });
export const incidentActionInput = z.object({
  description: longText(3, 2000),
  ownerEmail: z.string().trim().email(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
});
export const incidentActionDoneInput = z.object({ note: optionalText(5000) });
export const incidentResolveInput = z.object({ correction: longText(3, 10_000), lessonsLearned: longText(3, 10_000) });
export const incidentPublicationInput = z.union([
  z.object({
    published: z.literal(true),
    publicTitle: longText(3, 200),
    publicSummary: longText(10, 5000),
    publicCorrection: optionalText(5000),
    publicLessons: optionalText(5000),
  }),
  z.object({ published: z.literal(false) }),
]);

export const complaintCategories = ['ai_content', 'ai_decision', 'labelling', 'discrimination', 'data_protection', 'other'] as const;
export const complaintStatuses = ['received', 'acknowledged', 'in_progress', 'decided', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintOutcomes = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const;

export const complaintSubmitInput = z.object({
  /** Organisation slug; the root organisation when absent. */
  org: z.string().trim().max(100).optional(),
  category: z.enum(complaintCategories),
  subject: longText(3, 200),
  description: longText(10, 10_000),
  contactName: optionalText(200),
  contactEmail: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.string().email().optional()),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS).default([]),
  challenge: z.string().max(1000).default(''),
  nonce: z.string().max(40).default(''),
  /** A field people never see: only robots fill it. */
  website: z.string().max(500).optional(),
});
export type ComplaintSubmitInput = z.input<typeof complaintSubmitInput>;

export const complaintStatusLookupInput = z.object({ token: z.string().max(100) });
export const complaintStatusChangeInput = z.object({
  status: z.enum(complaintStatuses).exclude(['received']),
  message: longText(1, 10_000),
  internalNote: optionalText(10_000),
  outcome: z.enum(complaintOutcomes).optional(),
});
export const complaintAssignInput = z.object({ assigneeEmail: z.string().trim().email().nullable() });
export const complaintNoteInput = z.object({ note: longText(1, 10_000) });
export const complaintListQuery = z.object({ status: z.enum(['open', 'overdue', 'all', ...complaintStatuses]).default('open') });
