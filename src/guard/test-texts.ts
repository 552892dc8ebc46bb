import fc from 'fast-check';

/** Fragments that the guard replaces, placeholder look-alikes and text with arbitrary Unicode, shuffled together. */
const fragments = fc.oneof(
  fc.constantFrom(
    'Anna Schmidt',
    'Herr Yılmaz',
    'DE89 3704 0044 0532 0130 00',
    'anna.schmidt@example.de',
    'Tel. 030 12345678',
    'Karl-Marx-Allee 12, 10243 Berlin',
    'geb. 03.05.1975',
    'Steuer-ID 86095742719',
    '192.168.0.1',
    'Diabetiker',
    '[PERSON_1]',
    '[IBAN_1]',
    '[TEXT_1]',
    '[PERS',
    'ON_1]',
    '[',
    ']',
    '_',
    ' ',
    '\n',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('[', ']', 'P', 'E', 'R', 'S', 'O', 'N', '_', '1', '2', 'A', ' '), maxLength: 12 }),
);

export const textWithPersonalData = fc.array(fragments, { maxLength: 25 }).map((parts) => parts.join(''));
