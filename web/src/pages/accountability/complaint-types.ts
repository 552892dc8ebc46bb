import type { Attachment, Text } from './accountability-shared';

export const complaintCategories = ['ai_content', 'ai_decision', 'labelling', 'discrimination', 'data_protection', 'other'] as const;
export const complaintStatuses = ['received', 'acknowledged', 'in_progress', 'decided', 'closed'] as const;
export const complaintOutcomes = ['upheld', 'partly_upheld', 'not_upheld', 'withdrawn'] as const;

export type Clock = { dueDate: string; dueAt: string; metAt: string | null; escalatedAt: string | null; daysLeft: number | null; overdue: boolean; metLate: boolean };

export type ComplaintRow = {
  id: string;
  caseNumber: string;
  organisation?: string | null;
  category: string;
  subject: string;
  status: (typeof complaintStatuses)[number];
  outcome: string | null;
  contactName: string | null;
  contactEmail: string | null;
  receivedAt: string;
  assigneeLabel: string | null;
  clocks: { dayCount: 'calendar' | 'working'; acknowledge: Clock; decision: Clock };
};

export type ComplaintEvent = { id: string; at: string; kind: string; status: string | null; publicMessage: Text | null; internalNote: string | null; actorLabel: string };
export type ComplaintDetail = ComplaintRow & { description: string; events: ComplaintEvent[]; attachments: Attachment[] };
