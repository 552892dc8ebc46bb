import { describe, expect, it } from 'vitest';
import { detect } from '../detect.js';

const flagged = (text: string) => detect(text, { types: ['special_category'] }).map((finding) => `${finding.subtype}:${finding.text}`);

describe('special category recogniser', () => {
  it('flags health, religion, union membership, orientation, origin and biometric data with a subtype', () => {
    expect(flagged('Ich bin Diabetikerin und nach der Chemotherapie oft müde.')).toEqual(['health:Diabetikerin', 'health:Chemotherapie']);
    expect(flagged('Er ist katholisch, sie ist Muslima.')).toEqual(['religion:katholisch', 'religion:Muslima']);
    expect(flagged('Sie ist Gewerkschaftsmitglied und Mitglied bei ver.di seit 2010.')).toEqual(['trade_union:Gewerkschaftsmitglied', 'trade_union:Mitglied bei ver.di']);
    expect(flagged('Mein Kollege ist schwul.')).toEqual(['sexual_orientation:schwul']);
    expect(flagged('Er hat einen türkischstämmigen Vater.')).toEqual(['ethnic_origin:türkischstämmigen']);
    expect(flagged('Der Zugang wird per Fingerabdruck geprüft.')).toEqual(['biometric_genetic:Fingerabdruck']);
    expect(flagged('Ich bin Parteimitglied seit 1998.')).toEqual(['political_opinion:Parteimitglied']);
  });

  it('leaves policy topics and party or union names alone', () => {
    expect(flagged('Die Debatte über Gesundheitspolitik und Transparenz dauerte drei Stunden.')).toEqual([]);
    expect(flagged('Die Christlich Demokratische Union stimmte dagegen; die Gewerkschaft ruft zum Streik.')).toEqual([]);
  });
});
