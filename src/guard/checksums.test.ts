import { describe, expect, it } from 'vitest';
import { healthInsuranceNumberValid, ibanValid, icaoCheckDigit, luhnValid, pensionNumberValid, taxIdValid } from './checksums.js';

describe('check digits', () => {
  it('accepts published IBAN examples of several SEPA countries and rejects a changed digit', () => {
    for (const iban of ['DE89370400440532013000', 'GB82WEST12345698765432', 'AT611904300234573201', 'CH9300762011623852957', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'PL61109010140000071219812874', 'IT60X0542811101000000123456']) {
      expect(ibanValid(iban), iban).toBe(true);
    }
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE98370400440532013000')).toBe(false);
  });

  it('validates card numbers with Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('validates the Steuer-ID check digit (ISO 7064 MOD 11,10) and its digit rule', () => {
    for (const id of ['86095742719', '47036892816', '65929970489']) expect(taxIdValid(id), id).toBe(true);
    expect(taxIdValid('86095742718')).toBe(false);
    // All digits different in the first ten places violates § 139b AO, whatever the check digit.
    expect(taxIdValid('12345678903')).toBe(false);
    expect(taxIdValid('11111111111')).toBe(false);
    expect(taxIdValid('06095742719')).toBe(false);
  });

  it('rejects a Steuer-ID whose repeated digit stands three times in a row', () => {
    const candidates = Array.from({ length: 10 }, (_, check) => `1112345678${check}`);
    expect(candidates.some(taxIdValid)).toBe(false);
  });

  it('validates pension and health insurance numbers', () => {
    expect(pensionNumberValid('65170839J003')).toBe(true);
    expect(pensionNumberValid('65170839J004')).toBe(false);
    expect(pensionNumberValid('65171339J003')).toBe(false);
    expect(healthInsuranceNumberValid('A123456780')).toBe(true);
    expect(healthInsuranceNumberValid('A123456781')).toBe(false);
  });

  it('computes ICAO check digits of the specimen ID card and passport', () => {
    expect(icaoCheckDigit('T22000129')).toBe(3);
    expect(icaoCheckDigit('C01X00T47')).toBe(8);
  });
});
