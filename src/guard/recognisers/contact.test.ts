import { describe, expect, it } from 'vitest';
import { detect, type EntityType } from '../detect.js';

const found = (text: string, type: EntityType) => detect(text, { types: [type] }).map((finding) => finding.text);

describe('e-mail recogniser', () => {
  it('finds addresses with sub-domains, plus tags and umlauts, without trailing punctuation', () => {
    expect(found('Mail an anna.schmidt+ov@gruene-berlin.example.de.', 'email')).toEqual(['anna.schmidt+ov@gruene-berlin.example.de']);
    expect(found('jörg.müller@beispiel.de, sonst info@example.org', 'email')).toEqual(['jörg.müller@beispiel.de', 'info@example.org']);
  });

  it('finds addresses written against spam harvesters', () => {
    expect(found('anna.schmidt (at) gruene-example (dot) de oder info[at]example.org.', 'email')).toEqual(['anna.schmidt (at) gruene-example (dot) de', 'info[at]example.org']);
    expect(found('Treffen (at) home. Mail an (at).', 'email')).toEqual([]);
  });

  it('ignores handles, at-signs without a domain and domains without a top-level domain', () => {
    expect(found('Folgt @ortsverein auf Instagram', 'email')).toEqual([]);
    expect(found('Treffen @ 18 Uhr, user@localhost', 'email')).toEqual([]);
  });
});

describe('phone recogniser', () => {
  it('finds German and international notations', () => {
    expect(found('Tel. 030 12345678', 'phone')).toEqual(['030 12345678']);
    expect(found('mobil unter 0171/1234567 erreichbar', 'phone')).toEqual(['0171/1234567']);
    expect(found('Ruf an: +49 (0) 89 12 34 56 78!', 'phone')).toEqual(['+49 (0) 89 12 34 56 78']);
    expect(found('Call +44 20 7946 0958 today', 'phone')).toEqual(['+44 20 7946 0958']);
    expect(found('Fax: (030) 123 456-78', 'phone')).toEqual(['(030) 123 456-78']);
    expect(found('bei Jule (0176 2233 4455) melden', 'phone')).toEqual(['0176 2233 4455']);
  });

  it('leaves dates, amounts, years, ISBNs and order numbers alone', () => {
    expect(found('Am 01.02.2024 kostete es 1.250,00 €.', 'phone')).toEqual([]);
    expect(found('Haushalt 2024-2025, ab 01/2024', 'phone')).toEqual([]);
    expect(found('ISBN 978-3-16-148410-0', 'phone')).toEqual([]);
    expect(found('Bestellnummer 0045-2231-77', 'phone')).toEqual([]);
    expect(found('Zählerstand 012345', 'phone')).toEqual([]);
  });

  it('accepts a local extension only right after a phone word', () => {
    expect(found('Durchwahl 12345', 'phone')).toEqual(['12345']);
    expect(found('Es kamen 12345 Menschen', 'phone')).toEqual([]);
  });
});

describe('IP address recogniser', () => {
  it('finds IPv4 and IPv6 addresses', () => {
    expect(found('Zugriff von 192.168.178.23 und 2001:db8:85a3::8a2e:370:7334.', 'ip_address')).toEqual(['192.168.178.23', '2001:db8:85a3::8a2e:370:7334']);
  });

  it('rejects out-of-range octets, outline numbers, versions and clock times', () => {
    expect(found('Server 256.1.1.1', 'ip_address')).toEqual([]);
    expect(found('siehe Abschnitt 2.3.1.4', 'ip_address')).toEqual([]);
    expect(found('Version 10.2.33.4', 'ip_address')).toEqual([]);
    expect(found('um 12:30:45 Uhr', 'ip_address')).toEqual([]);
  });
});
