import { api } from '../../api/client';

export const dataClasses = ['public', 'internal', 'confidential', 'personal'] as const;
export type DataClass = (typeof dataClasses)[number];
export const zones = ['own', 'eu', 'non-eu'] as const;
export type Zone = (typeof zones)[number];

/** One piece of personal data in the text; `placeholder` is what the model gets instead (when pseudonymised). */
export type GuardFinding = { type: string; start: number; end: number; subtype: string | null; label: string | null; placeholder: string | null };
/** What the guard would do with a prompt (POST /api/guard/preview); nothing is sent to a model. */
export type GuardPreview = { zone: Zone; action: 'pass' | 'pseudonymise' | 'block'; reason: string | null; detail: string | null; findings: GuardFinding[] };

export type CustomPattern = { label: string; pattern: string; flags?: string };
export type GuardSettings = {
  pseudonymise: { own?: boolean; eu?: boolean };
  blockSpecialCategoriesInEu?: boolean;
  dataClassZones?: Partial<Record<DataClass, Zone[]>>;
  customPatterns?: CustomPattern[];
};
export type GuardSettingsResponse = { own: GuardSettings; inherited: GuardSettings[] };

export const defaultDataClassZones: Record<DataClass, Zone[]> = { public: ['own', 'eu', 'non-eu'], internal: ['own', 'eu', 'non-eu'], personal: ['own', 'eu', 'non-eu'], confidential: ['own'] };

export function previewPrompt(body: { orgId: string; model: string; text: string; dataClass: DataClass; context?: string[] }, signal?: AbortSignal): Promise<GuardPreview> {
  return api<GuardPreview>('/api/guard/preview', { method: 'POST', body, ...(signal ? { signal } : {}) });
}
