import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { eachMatch, precededBy } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

// Digits with spaces, slashes, hyphens and brackets; dots are left out because they make dates and amounts.
// No Unicode mode: this scan visits every digit of a text, and Latin letters suffice around phone numbers.
const candidate = /(?<![A-Za-zÀ-ÿ\d+,./-])(?:\+|\(\+?)?\d[\d ()/-]{3,24}\d(?!\d|[.,]\d|\/\d)/g;
const phoneContext =
  /(?:\b(?:Tel|Telefon|Telefonnummer|Tel\.-Nr|Fon|Phone|Fax|Telefax|Mobil|Mobile|Handy|Handynummer|Rufnummer|Durchwahl|Cell|Mob|WhatsApp|Signal|erreichbar|anrufen|call|ring|reach)\b|☎|📞)[^\n\d]{0,20}$/iu;
const otherNumberContext =
  /\b(?:Bestell|Auftrags|Rechnungs|Kunden|Vorgangs|Akten|Az|Order|Invoice|Ticket|Artikel|Art|IBAN|BIC|Konto|Kto|BLZ|Referenz|Ref|ISBN|Drucksache|Drs|Gesch\.-Z|Zeichen|Steuer|St\.-Nr|Mitglieds|Vertrags|Versicherungs|Sendungs|Tracking|Case|Fall|PLZ)[\p{L}.-]*\s*(?:[Nn]r\.?|[Nn]o\.?|[Nn]umber|[Nn]ummer)?\s*[:#]?\s*$/u;
// National notation: a trunk 0 points to Germany and its neighbours or Britain; a bracketed area code also to the US.
const trunkCountries: CountryCode[] = ['DE', 'AT', 'CH', 'GB'];
const bracketCountries: CountryCode[] = ['DE', 'US', 'GB'];

function validPhone(raw: string): boolean {
  // With an explicit country code a possible length is enough: fictional and new ranges fail isValid().
  if (raw.startsWith('+') || raw.startsWith('00') || raw.startsWith('(+')) {
    const parsed = parsePhoneNumberFromString(raw.replace(/^\(?(?:\+|00)/, '+').replace(/^\+(\d+)\)/, '+$1'));
    return parsed?.isPossible() === true;
  }
  return (raw[0] === '(' ? bracketCountries : trunkCountries).some((country) => parsePhoneNumberFromString(raw, country)?.isValid() === true);
}

function looksLikeDateOrRange(raw: string): boolean {
  return /^\d{1,2}\/(?:\d{1,2}\/)?\d{2,4}$/.test(raw) || /^(?:19|20)\d{2}\s?[-/]\s?(?:19|20)?\d{2}$/.test(raw) || /^\d{4,5} [-–] \d{4,5}$/.test(raw);
}

/**
 * Phone numbers in German and international notation, validated by libphonenumber's metadata. Numbers
 * without a leading 0, + or bracket (local extensions) need a word like "Tel." right before them.
 */
export const phoneRecogniser: Recogniser = {
  type: 'phone',
  find(input) {
    const findings: Finding[] = [];
    const verdicts = new Map<string, boolean>();
    eachMatch(input, candidate, (match) => {
      let raw = match[0];
      let start = match.index;
      // "(0176 2233 4455)": the closing bracket is outside the candidate, so the opening one goes too.
      if (raw[0] === '(' && !raw.includes(')')) [raw, start] = [raw.slice(1), start + 1];
      const leading = raw[0] === '+' || raw[0] === '(' || raw[0] === '0';
      if (looksLikeDateOrRange(raw)) return;
      const context = precededBy(input, start, phoneContext);
      if (!context && (!leading || precededBy(input, start, otherNumberContext, 30))) return;
      // A candidate can swallow a following number ("0171 1234567 2 Stück"): drop trailing groups until it validates.
      for (let attempt = 0; attempt < 3; attempt++) {
        const digitCount = raw.replace(/\D/g, '').length;
        if (digitCount < (context ? 5 : 7) || digitCount > 17) break;
        let valid = verdicts.get(raw);
        if (valid === undefined) {
          valid = leading ? validPhone(raw) : context && digitCount >= 5;
          verdicts.set(raw, valid);
        }
        if (valid) {
          findings.push(finding('phone', input, start, start + raw.length, context ? 0.98 : 0.9));
          return;
        }
        const cut = Math.max(raw.lastIndexOf(' '), raw.lastIndexOf('/'), raw.lastIndexOf('-'));
        if (cut <= 0) break;
        raw = raw.slice(0, cut).trimEnd();
      }
    });
    return findings;
  },
};
