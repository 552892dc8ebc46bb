import { describe, expect, it } from 'vitest';
import { detect } from '../detect.js';

const people = (text: string) => detect(text, { types: ['person'] }).map((finding) => finding.text);

describe('person recogniser', () => {
  it('finds first name and surname pairs from the lexicons, including double names and particles', () => {
    expect(people('Gestern sprach Mehmet Yılmaz mit Anna-Lena Meyer-Oldenburg.')).toEqual(['Mehmet Yılmaz', 'Anna-Lena Meyer-Oldenburg']);
    expect(people('Ursula von der Leyen stellte den Plan vor.')).toEqual(['Ursula von der Leyen']);
    expect(people('Danke an Agnieszka Wiśniewska und Dimitrios Papadopoulos!')).toEqual(['Agnieszka Wiśniewska', 'Dimitrios Papadopoulos']);
  });

  it('takes unknown surnames after salutations, titles, roles, form labels and in signatures', () => {
    expect(people('Sehr geehrte Frau Dr. Okonkwo-Brandauer, vielen Dank.')).toEqual(['Okonkwo-Brandauer']);
    expect(people('Dear Mr Thistlewood, thank you.')).toEqual(['Thistlewood']);
    expect(people('Bürgermeisterin Hiltrud Zwengel eröffnete die Sitzung.')).toEqual(['Hiltrud Zwengel']);
    expect(people('Nachname: Kwiatkowska')).toEqual(['Kwiatkowska']);
    expect(people('Mit freundlichen Grüßen\nJolanda Brüderle-Hax')).toEqual(['Jolanda Brüderle-Hax']);
  });

  it('reads names written in capitals on forms, but not acronyms or capitalised words', () => {
    expect(people('Name: SCHMIDT, Anna')).toEqual(['SCHMIDT', 'Anna']);
    expect(people('Antragsteller: ANNA MÜLLER, SPD-Mitglied')).toEqual(['ANNA MÜLLER']);
    expect(people('Die SPD und der WOLF im MAI')).toEqual([]);
  });

  it('reads possessives without taking ordinary plurals for them', () => {
    expect(people("Priya's new number")).toEqual(['Priya']);
    expect(people('Annas Antrag und Schmidts Rede')).toEqual(['Annas', 'Schmidts']);
    expect(people('Das Grün der Parks soll bleiben.')).toEqual([]);
  });

  it('finds later mentions of a name found once', () => {
    expect(people('Frau Zwengel kam spät. Zwengel sagte, der Bus sei ausgefallen.')).toEqual(['Zwengel', 'Zwengel']);
  });

  it('does not take German nouns, greetings to groups or institutions named after people', () => {
    expect(people('Heute hat Peter Geburtstag.')).toEqual(['Peter']);
    expect(people('Liebe Genossinnen und Genossen, sehr geehrte Damen und Herren')).toEqual([]);
    expect(people('Die Friedrich-Ebert-Stiftung und das Konrad-Adenauer-Haus luden ein.')).toEqual([]);
    expect(people('Die Heinrich Böll Stiftung lädt ein.')).toEqual([]);
    expect(people('Im Winter hat der Koch die Rose auf den Tisch gestellt.')).toEqual([]);
    expect(people('Der Ernst der Lage ist allen bewusst.')).toEqual([]);
    expect(people('To: Policy Team')).toEqual([]);
  });
});
