import { describe, expect, it } from 'vitest';
import { detect, type EntityType } from '../detect.js';

const found = (text: string, type: EntityType) => detect(text, { types: [type] }).map((finding) => finding.text);

describe('address recogniser', () => {
  it('finds street and number with postcode and place as one address', () => {
    expect(found('wohnhaft Karl-Marx-Allee 12, 10243 Berlin.', 'address')).toEqual(['Karl-Marx-Allee 12, 10243 Berlin']);
    expect(found('Anschrift: Berliner Straße 5a\n60311 Frankfurt am Main', 'address')).toEqual(['Berliner Straße 5a\n60311 Frankfurt am Main']);
    expect(found('Mariahilfer Straße 88, 1070 Wien', 'address')).toEqual(['Mariahilfer Straße 88, 1070 Wien']);
    expect(found('Bahnhofstrasse 1, CH-8001 Zürich', 'address')).toEqual(['Bahnhofstrasse 1, CH-8001 Zürich']);
    expect(found('Post an Postfach 11 02 45, 10832 Berlin', 'address')).toEqual(['Postfach 11 02 45, 10832 Berlin']);
    expect(found('at 14 Baker Street, London NW1 6XE', 'address')).toEqual(['14 Baker Street, London NW1 6XE']);
  });

  it('finds a street alone and a known postcode and place alone', () => {
    expect(found('Das Büro ist in der Hauptstr. 8 im Hinterhaus.', 'address')).toEqual(['Hauptstr. 8']);
    expect(found('Ort: 04109 Leipzig', 'address')).toEqual(['04109 Leipzig']);
  });

  it('ignores streets without a number, counts after street names, years and amounts', () => {
    expect(found('Die Demo zieht über die Friedrichstraße zum Rathaus.', 'address')).toEqual([]);
    expect(found('Auf der Hauptstraße 3 Unfälle in einer Woche.', 'address')).toEqual([]);
    expect(found('Die Wilhelmstraße 1933 war das Zentrum der Macht.', 'address')).toEqual([]);
    expect(found('Es kamen 12000 Menschen und 2024 Wien-Besucher.', 'address')).toEqual([]);
  });
});

describe('licence plate recogniser', () => {
  it('finds hyphenated plates anywhere and spaced plates near a vehicle word', () => {
    expect(found('Wagen B-MW 1234 falsch geparkt', 'license_plate')).toEqual(['B-MW 1234']);
    expect(found('E-Auto M-KL 482E', 'license_plate')).toEqual(['M-KL 482E']);
    expect(found('Das Kennzeichen war HH AB 1234.', 'license_plate')).toEqual(['HH AB 1234']);
  });

  it('rejects unknown area codes and spaced plates without context', () => {
    expect(found('QQ-AB 123', 'license_plate')).toEqual([]);
    expect(found('Im Raum B AB 12 findet die Sitzung statt.', 'license_plate')).toEqual([]);
  });
});

describe('date of birth recogniser', () => {
  it('finds dates after birth keywords in German and English', () => {
    expect(found('Anna (geb. 03.05.1975) kommt.', 'date_of_birth')).toEqual(['03.05.1975']);
    expect(found('geboren am 12. Mai 1987 in Halle', 'date_of_birth')).toEqual(['12. Mai 1987']);
    expect(found('Geburtsdatum: 1979-11-30', 'date_of_birth')).toEqual(['1979-11-30']);
    expect(found('DOB: 04/07/1980; born on July 4, 1980', 'date_of_birth')).toEqual(['04/07/1980', 'July 4, 1980']);
    expect(found('Er ist am 3.4.1950 in Köln geboren.', 'date_of_birth')).toEqual(['3.4.1950']);
    expect(found('Karl Schubert (* 12.03.1950)', 'date_of_birth')).toEqual(['12.03.1950']);
  });

  it('ignores dates without such a keyword, and keywords whose sentence ended', () => {
    expect(found('Die Sitzung am 12.11.2024 beginnt um 19 Uhr.', 'date_of_birth')).toEqual([]);
    expect(found('Er feiert Geburtstag. Am 12.03.2024 ist Sitzung.', 'date_of_birth')).toEqual([]);
    expect(found('* 12.03.2024: Sitzung', 'date_of_birth')).toEqual([]);
  });
});
