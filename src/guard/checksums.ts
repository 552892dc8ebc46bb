/** Check-digit algorithms of the identifiers the guard recognises; each takes the compact form (no spaces). */

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (value < 0 || value > 9) return false;
    if (double) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616: move the first four characters to the end, letters become 10–35, the number mod 97 is 1. */
export function ibanValid(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + code - 48) % 97;
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + code - 55) % 97;
    else return false;
  }
  return remainder === 1;
}

/** Steuer-ID (§ 139b AO): ISO 7064 MOD 11,10 check digit and the rule that exactly one digit repeats. */
export function taxIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((count) => count > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  // Since 2016 a digit may occur three times, but never three times in a row.
  if (repeated[0] === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (digits.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === digits.charCodeAt(10) - 48;
}

function crossSum(value: number): number {
  return value > 9 ? Math.floor(value / 10) + (value % 10) : value;
}

/** Rentenversicherungsnummer: area (2), birth date DDMMYY, initial letter, serial (2), check digit. */
export function pensionNumberValid(compact: string): boolean {
  const match = /^(\d{8})([A-Z])(\d{2})(\d)$/.exec(compact);
  if (!match) return false;
  const day = Number(compact.slice(2, 4));
  const month = Number(compact.slice(4, 6));
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const letter = String(match[2]!.charCodeAt(0) - 64).padStart(2, '0');
  const digits = match[1]! + letter + match[3]!;
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += crossSum((digits.charCodeAt(i) - 48) * weights[i]!);
  return sum % 10 === Number(match[4]);
}

/** Krankenversichertennummer: a letter (A=01 … Z=26) and eight digits, weights 1-2 alternating, cross sums mod 10. */
export function healthInsuranceNumberValid(compact: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(compact)) return false;
  const digits = String(compact.charCodeAt(0) - 64).padStart(2, '0') + compact.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += crossSum((digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2));
  return sum % 10 === compact.charCodeAt(9) - 48;
}

/** ICAO 9303 check digit (weights 7-3-1) as printed on German ID cards and passports. */
export function icaoCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 90 ? code - 55 : 0;
    sum += digit * weights[i % 3]!;
  }
  return sum % 10;
}
