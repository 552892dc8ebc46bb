import type { Text } from '../core/l10n.js';

/**
 * The contract with the transparency module (OPEN-1): its public page "Wo wir KI einsetzen" reads the
 * campaign items organisations published here. Plain data, no tables; the shape matches the
 * transparency module's `CampaignDisclosureSource` (src/transparency/sources.ts), which keeps only
 * the fields it names.
 */
export type CampaignDisclosureItem = {
  id: string;
  orgId: string;
  title: string;
  publishedAt: string;
  /** Where it appeared: social, press, print, web. */
  channel: string;
  /** What AI did, in the organisation's words: the image credit line or the text label. */
  aiUse: string;
  /** Models and AI systems involved. */
  tools: string[];
  /** The label as published (German). */
  label: string | null;
  /** Public URL of the labelled image (images only). */
  url: string | null;
  itemType: 'image' | 'text';
  purpose: string;
  /** The label in German and English. */
  labels: Text;
};

export interface CampaignDisclosureFeed {
  /** Published, not withdrawn items of these organisations, newest first. */
  listPublic(query: { orgIds: string[]; limit: number }): Promise<CampaignDisclosureItem[]>;
}
