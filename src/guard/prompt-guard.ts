import type { Zone } from '../core/config.js';
import { text, type Text } from '../core/l10n.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { ChatMessage } from '../gateway/openai-types.js';
import type { GuardOutcome, PromptGuard } from '../gateway/pipeline-hooks.js';
import type { OrgTree } from '../identity/org-directory.js';
import { detect, type Finding } from './detect.js';
import { effectiveGuardPolicy, guardSettingsSchema, type DataClass, type GuardSettings } from './guard-policy.js';
import { createPseudonymiser, createStreamRestorer, restore } from './pseudonymise.js';

const specialCategoryLabels: Record<string, { de: string; en: string }> = {
  health: { de: 'Gesundheit', en: 'health' },
  religion: { de: 'Religion', en: 'religion' },
  political_opinion: { de: 'politische Meinung', en: 'political opinion' },
  trade_union: { de: 'Gewerkschaftszugehörigkeit', en: 'trade-union membership' },
  sexual_orientation: { de: 'sexuelle Orientierung', en: 'sexual orientation' },
  ethnic_origin: { de: 'ethnische Herkunft', en: 'ethnic origin' },
  biometric_genetic: { de: 'biometrische oder genetische Daten', en: 'biometric or genetic data' },
};

const dataClassNames: Record<string, Text> = {
  public: text('öffentlich', 'public'),
  internal: text('intern', 'internal'),
  confidential: text('vertraulich', 'confidential'),
  personal: text('personenbezogen', 'personal'),
};
const zoneNames: Record<Zone, Text> = {
  own: text('eigene Infrastruktur', 'own infrastructure'),
  eu: text('Auftragsverarbeiter in der EU', 'EU processor'),
  'non-eu': text('außerhalb der EU', 'outside the EU'),
};

/** Text of a message's content, and the same content with a function applied to its text parts. */
function mapContent(content: ChatMessage['content'], fn: (value: string) => string): ChatMessage['content'] {
  if (typeof content === 'string') return fn(content);
  if (!content) return content;
  return content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? { ...part, text: fn(part.text) } : part));
}

function textsOf(messages: ChatMessage[]): string[] {
  const texts: string[] = [];
  for (const message of messages) mapContent(message.content, (value) => (texts.push(value), value));
  return texts;
}

/** Why a data class may not go to a zone (shown before sending by the preview and returned by the gateway). */
export function dataClassBlock(dataClass: string, zone: Zone): { reason: 'data_class_zone'; detail: Text } {
  return {
    reason: 'data_class_zone',
    detail: text(
      `Daten der Klasse „${dataClassNames[dataClass]?.de ?? dataClass}“ dürfen in Ihrer Organisation nicht an Anbieter dieser Zone (${zoneNames[zone].de}) gehen. Bitte ein Modell auf eigener Infrastruktur wählen.`,
      `Data of class "${dataClassNames[dataClass]?.en ?? dataClass}" may not go to providers in this zone (${zoneNames[zone].en}) in your organisation. Please choose a model on own infrastructure.`,
    ),
  };
}

/** Why special categories of personal data (GDPR Art. 9) block a request, naming the kinds found. */
export function specialCategoryBlock(special: Pick<Finding, 'subtype'>[]): { reason: 'special_category_data'; detail: Text } {
  const kinds = [...new Set(special.map((found) => found.subtype ?? 'other'))];
  const names = (language: 'de' | 'en') => kinds.map((kind) => specialCategoryLabels[kind]?.[language] ?? kind).join(', ');
  return {
    reason: 'special_category_data',
    detail: text(
      `Die Anfrage enthält besonders schützenswerte Daten (Art. 9 DSGVO: ${names('de')}). Sie darf nicht an einen Anbieter außerhalb der eigenen Infrastruktur bzw. der EU gehen. Bitte ein Modell auf eigener Infrastruktur wählen oder die Angaben entfernen.`,
      `The request contains special categories of personal data (GDPR Art. 9: ${names('en')}). It may not go to a provider outside the own infrastructure or the EU. Please choose a model on own infrastructure or remove these details.`,
    ),
  };
}

export function settingsLineage(tree: OrgTree, orgId: string): GuardSettings[] {
  return tree.lineage(orgId).map((org) => {
    const parsed = guardSettingsSchema.safeParse(org.settings.guard ?? {});
    return parsed.success ? parsed.data : guardSettingsSchema.parse({});
  });
}

/**
 * The gateway's data-protection step (RIGHTS-2): per provider zone and organisation it passes,
 * pseudonymises (restoring the answer, also when streamed), or blocks — special categories of
 * personal data never go outside the EU, and data classes stay in the zones allowed for them.
 */
export function createPromptGuard(orgs: CachedSnapshot<OrgTree>): PromptGuard {
  return {
    async inspect({ orgId, zone, messages, dataClass }): Promise<GuardOutcome> {
      const tree = await orgs.get();
      const policy = effectiveGuardPolicy(settingsLineage(tree, orgId), zone, (dataClass as DataClass | undefined) ?? 'internal');
      if (!policy.allowedForDataClass) return { action: 'block', ...dataClassBlock(dataClass ?? 'internal', zone) };
      if (policy.blockSpecialCategories) {
        const special = textsOf(messages).flatMap((value) => detect(value, { types: ['special_category'] }));
        if (special.length > 0) return { action: 'block', ...specialCategoryBlock(special) };
      }
      if (!policy.pseudonymise) return { action: 'pass' };
      const pseudonymiser = createPseudonymiser({ customPatterns: policy.customPatterns });
      const protectedMessages = messages.map((message) => ({ ...message, content: mapContent(message.content, (value) => pseudonymiser.apply(value)) }));
      const summary = pseudonymiser.summary();
      if (summary.replaced.length === 0) return { action: 'pass' };
      return {
        action: 'protect',
        session: {
          messages: protectedMessages,
          summary: Object.fromEntries(summary.replaced.map((entry) => [entry.type, entry.count])),
          restore: (value) => restore(value, pseudonymiser.mapping),
          streamRestorer: () => createStreamRestorer(pseudonymiser.mapping),
        },
      };
    },
  };
}

