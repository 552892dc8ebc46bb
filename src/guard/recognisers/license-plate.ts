import { eachMatch, followedBy, precededBy } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';
import { loadLexicon } from '../lexicons.js';

const areaCodes = new Set(loadLexicon('plate-codes.txt').flatMap((line) => line.split(/\s+/)));

// Area code, separator, one or two letters, one to four digits, optional E (electric) or H (historic).
// Without Unicode mode (much faster); the letter classes cover German text, where plates occur.
const candidate = /(?<![A-Za-zÄÖÜäöüß\d-])([A-ZÄÖÜ]{1,3})([- ])([A-Z]{1,2})[ -]?([1-9]\d{0,3})([EH])?(?![A-Za-zÄÖÜäöüß\d]|[.,]\d)/g;
const vehicleContext =
  /(?:Kennzeichen|Kfz|KFZ|Auto|Fahrzeug|Pkw|PKW|Lkw|LKW|Wagen|Transporter|Motorrad|Roller|Wohnmobil|Anhänger|park|Falschpark|geblitzt|Halter|Nummernschild|licen[cs]e plate|number plate|registration|vehicle|car\b)/iu;

/** German number plates; the hyphenated form stands on its own, the form with spaces needs a vehicle word nearby. */
export const licensePlateRecogniser: Recogniser = {
  type: 'license_plate',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, candidate, (match) => {
      if (!areaCodes.has(match[1]!) || match[1]!.length + match[3]!.length + match[4]!.length > 8) return;
      const start = match.index;
      const end = start + match[0].length;
      const context = precededBy(input, start, vehicleContext, 60) || followedBy(input, end, vehicleContext, 40);
      if (match[2] !== '-' && !context) return;
      findings.push(finding('license_plate', input, start, end, context ? 0.95 : 0.8));
    });
    return findings;
  },
};
