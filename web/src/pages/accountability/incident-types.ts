import type { Attachment } from './accountability-shared';

export const severities = ['low', 'medium', 'high', 'critical'] as const;

export type IncidentRow = {
  id: string;
  number: string;
  title: string;
  description: string;
  location: string;
  occurredAt: string | null;
  modelId: string | null;
  contentRef: string | null;
  reporterLabel: string;
  status: 'reported' | 'triaged' | 'resolved';
  severity: (typeof severities)[number] | null;
  correction: string | null;
  lessonsLearned: string | null;
  publicTitle: string | null;
  publicSummary: string | null;
  publicCorrection: string | null;
  publicLessons: string | null;
  publishedAt: string | null;
  createdAt: string;
  openActions?: number;
};

export type IncidentAction = { id: string; description: string; ownerUserId: string; ownerLabel: string; dueDate: string; status: 'open' | 'done'; doneAt: string | null; doneNote: string | null };
export type IncidentEvent = { id: string; at: string; kind: string; actorLabel: string; detail: Record<string, unknown> };
export type IncidentDetail = IncidentRow & { actions: IncidentAction[]; timeline: IncidentEvent[]; attachments: Attachment[]; canTriage: boolean };
