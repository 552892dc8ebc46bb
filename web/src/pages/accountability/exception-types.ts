export const exceptionCategories = ['multimodal', 'research', 'external_collaboration', 'other'] as const;
export const dataClasses = ['public', 'internal', 'confidential', 'personal'] as const;
export const roleNames = ['member', 'staff', 'reviewer', 'dpo', 'admin'] as const;

export type ExceptionRow = {
  id: string;
  number: string;
  platform: string;
  modelId: string | null;
  useCase: string;
  category: string;
  justification: string;
  dataClasses: string[];
  personIds: string[];
  roles: string[];
  startsAt: string;
  expiresAt: string;
  status: string;
  state: 'requested' | 'active' | 'scheduled' | 'expired' | 'rejected' | 'revoked' | 'withdrawn';
  requesterLabel: string;
  requesterUserId: string | null;
  decidedByLabel: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  conditions: string | null;
  endedAt: string | null;
  endedByLabel: string | null;
  endReason: string | null;
  createdAt: string;
};

export type ExceptionStatistics = {
  total: number;
  byState: Record<string, number>;
  byCategory: Record<string, number>;
  byDataClass: Record<string, number>;
  platforms: { platform: string; total: number; active: number }[];
  expiringWithin30Days: number;
  approvalRate: number | null;
  medianDecisionHours: number | null;
};

export type ExceptionModel = { id: string; name: string; kind: string };
