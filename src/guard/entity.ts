import { text, type Text } from '../core/l10n.js';
import type { TextIndex } from './words.js';

export const entityTypes = [
  'email',
  'phone',
  'iban',
  'payment_card',
  'tax_id',
  'social_insurance',
  'id_document',
  'license_plate',
  'address',
  'date_of_birth',
  'ip_address',
  'person',
  'custom',
  'special_category',
] as const;

export type EntityType = (typeof entityTypes)[number];

/** One piece of personal data: `text` is `input.slice(start, end)`; `score` is the recogniser's confidence (0–1). */
export type Finding = { type: EntityType; start: number; end: number; text: string; score: number; subtype?: string; label?: string };

export type Recogniser = { type: EntityType; find(input: string, index: TextIndex): Finding[] };

export const entityLabels: Record<EntityType, Text> = {
  email: text('E-Mail-Adresse', 'E-mail address'),
  phone: text('Telefonnummer', 'Phone number'),
  iban: text('IBAN', 'IBAN'),
  payment_card: text('Kartennummer', 'Payment card number'),
  tax_id: text('Steuer-ID', 'Tax ID'),
  social_insurance: text('Sozialversicherungsnummer', 'Social insurance number'),
  id_document: text('Ausweis- oder Passnummer', 'ID card or passport number'),
  license_plate: text('Kfz-Kennzeichen', 'Vehicle registration plate'),
  address: text('Anschrift', 'Postal address'),
  date_of_birth: text('Geburtsdatum', 'Date of birth'),
  ip_address: text('IP-Adresse', 'IP address'),
  person: text('Person', 'Person'),
  custom: text('Organisationsspezifische Angabe', 'Organisation-defined identifier'),
  special_category: text('Besondere Kategorie (Art. 9 DSGVO)', 'Special category (GDPR Art. 9)'),
};

/** When findings overlap, the more specific, checksum-backed type wins over the fuzzier one. */
export const entityPriority: Record<EntityType, number> = {
  custom: 14,
  iban: 13,
  payment_card: 12,
  tax_id: 11,
  social_insurance: 10,
  email: 9,
  ip_address: 8,
  id_document: 7,
  date_of_birth: 6,
  phone: 5,
  license_plate: 4,
  address: 3,
  person: 2,
  special_category: 1,
};

export function finding(type: EntityType, input: string, start: number, end: number, score: number, extra: { subtype?: string; label?: string } = {}): Finding {
  return { type, start, end, text: input.slice(start, end), score, ...extra };
}
