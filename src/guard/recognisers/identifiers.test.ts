import { describe, expect, it } from 'vitest';
import { detect, type EntityType } from '../detect.js';

const found = (text: string, type: EntityType) => detect(text, { types: [type] }).map((finding) => finding.text);

describe('IBAN recogniser', () => {
  it('finds IBANs with and without spaces, in lower case and of other SEPA countries', () => {
    expect(found('Konto DE89 3704 0044 0532 0130 00 bei der GLS.', 'iban')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found('IBAN:DE89370400440532013000.', 'iban')).toEqual(['DE89370400440532013000']);
    expect(found('iban de89 3704 0044 0532 0130 00', 'iban')).toEqual(['de89 3704 0044 0532 0130 00']);
    expect(found('Pay to GB82 WEST 1234 5698 7654 32 BIC NWBKGB2L', 'iban')).toEqual(['GB82 WEST 1234 5698 7654 32']);
    expect(found('AT61 1904 3002 3457 3201 und CH93 0076 2011 6238 5295 7', 'iban')).toEqual(['AT61 1904 3002 3457 3201', 'CH93 0076 2011 6238 5295 7']);
  });

  it('rejects a wrong check sum, a wrong length and a longer code', () => {
    expect(found('DE89 3704 0044 0532 0130 01', 'iban')).toEqual([]);
    expect(found('DE89 3704 0044 0532 0130', 'iban')).toEqual([]);
    expect(found('DE89370400440532013000123', 'iban')).toEqual([]);
  });
});

describe('payment card recogniser', () => {
  it('finds cards of the main schemes in common groupings', () => {
    expect(found('Visa 4111 1111 1111 1111, gültig bis 09/27', 'payment_card')).toEqual(['4111 1111 1111 1111']);
    expect(found('MC 5555-5555-5555-4444', 'payment_card')).toEqual(['5555-5555-5555-4444']);
    expect(found('Amex 378282246310005.', 'payment_card')).toEqual(['378282246310005']);
  });

  it('rejects a failing Luhn digit, an unknown issuer range and amounts', () => {
    expect(found('4111 1111 1111 1112', 'payment_card')).toEqual([]);
    expect(found('9111 1111 1111 1116', 'payment_card')).toEqual([]);
    expect(found('Summe 4.111.111.111.111,11 Euro', 'payment_card')).toEqual([]);
  });
});

describe('tax ID recogniser', () => {
  it('finds the Steuer-ID compact and grouped, and the Steuernummer after its label', () => {
    expect(found('Steuer-ID 86095742719', 'tax_id')).toEqual(['86095742719']);
    expect(found('IdNr: 86 095 742 719.', 'tax_id')).toEqual(['86 095 742 719']);
    expect(found('Steuernummer des Vereins: 21/815/08150', 'tax_id')).toEqual(['21/815/08150']);
  });

  it('rejects a wrong check digit, a number inside a longer one and a file number without label', () => {
    expect(found('Steuer-ID 86095742718', 'tax_id')).toEqual([]);
    expect(found('Referenz 1860957427190', 'tax_id')).toEqual([]);
    expect(found('Aktenzeichen 21/815/08150', 'tax_id')).toEqual([]);
  });
});

describe('social insurance recogniser', () => {
  it('finds pension numbers always and health insurance numbers next to a label', () => {
    expect(found('RV-Nummer 65 170839 J 003', 'social_insurance')).toEqual(['65 170839 J 003']);
    expect(found('65170839J003', 'social_insurance')).toEqual(['65170839J003']);
    expect(found('Versichertennummer: A123456780', 'social_insurance')).toEqual(['A123456780']);
  });

  it('rejects a wrong check digit, an impossible birth date and a health number without label', () => {
    expect(found('65 170839 J 004', 'social_insurance')).toEqual([]);
    expect(found('65 171339 J 003', 'social_insurance')).toEqual([]);
    expect(found('Bestellung A123456780', 'social_insurance')).toEqual([]);
  });
});

describe('ID document recogniser', () => {
  it('finds ID card and passport numbers after their label', () => {
    expect(found('Personalausweis Nr. T220001293, gültig bis 2031', 'id_document')).toEqual(['T220001293']);
    expect(found('Reisepassnummer C01X00T478', 'id_document')).toEqual(['C01X00T478']);
    expect(found('passport number 123456789', 'id_document')).toEqual(['123456789']);
  });

  it('rejects a German serial whose check digit is wrong, and numbers without a label', () => {
    expect(found('Personalausweis Nr. T220001294', 'id_document')).toEqual([]);
    expect(found('Der Code T220001293 ist abgelaufen.', 'id_document')).toEqual([]);
  });
});
