import PDFDocument from 'pdfkit';
import { writeOdt } from '../../src/knowledge/structuring/odt-writer.js';

/**
 * Documents made for the tests (never copied from elsewhere): a party's statutes as ODT with a page
 * break, and an election programme as a two-page PDF with headings set larger than the body text.
 */
export function statutesOdt(): Buffer {
  return Buffer.from(
    writeOdt(
      [
        { kind: 'heading', level: 1, text: 'Satzung des Kreisverbands' },
        { kind: 'heading', level: 2, text: '§ 1 Name und Sitz' },
        { kind: 'paragraph', text: 'Der Kreisverband führt den Namen „Kreisverband Musterstadt“ und hat seinen Sitz in Musterstadt.' },
        { kind: 'pagebreak' },
        { kind: 'heading', level: 2, text: '§ 7 Vorstand' },
        { kind: 'paragraph', text: 'Der Vorstand besteht aus fünf Personen. Die Mitgliederversammlung wählt sie für zwei Jahre in geheimer Wahl.' },
        { kind: 'paragraph', text: 'Scheidet ein Vorstandsmitglied vorzeitig aus, wählt die nächste Mitgliederversammlung eine Nachfolge für den Rest der Amtszeit.' },
      ],
      'Satzung des Kreisverbands',
    ),
  );
}

export async function programmePdf(): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Wahlprogramm 2026' } });
  const parts: Buffer[] = [];
  document.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<Buffer>((resolve) => document.on('end', () => resolve(Buffer.concat(parts))));
  const heading = (value: string) => document.font('Helvetica-Bold').fontSize(18).text(value).moveDown(0.5);
  const body = (value: string) => document.font('Helvetica').fontSize(11).text(value).moveDown(0.8);
  heading('1 Wohnen');
  body('Wir wollen bezahlbaren Wohnraum schaffen. Die Stadt soll jedes Jahr mindestens 500 Sozialwohnungen bauen lassen.');
  body('Leerstand von mehr als einem Jahr wird erfasst und mit einer Abgabe belegt.');
  document.addPage();
  heading('2 Verkehr');
  body('Wir bauen sichere Radwege an allen Grundschulen. Der Busverkehr fährt abends alle zehn Minuten.');
  body('Das Deutschlandticket wird für Schülerinnen und Schüler kostenlos.');
  document.end();
  return done;
}

/** 200 survey answers in four topics, with ids, as CSV (semicolons, as German spreadsheets write it). */
export function surveyCsv(count = 200): string {
  const topics = [
    (n: number) => `Wir brauchen mehr sichere Radwege und Fahrradstraßen in Viertel ${n}, die Kreuzungen sind gefährlich für Radfahrer.`,
    (n: number) => `Die Mieten in Viertel ${n} steigen zu schnell, bezahlbare Wohnungen und Sozialwohnungen fehlen überall.`,
    (n: number) => `Der Bus in Viertel ${n} kommt abends zu selten, der Nahverkehr braucht einen dichteren Takt und günstigere Tickets.`,
    (n: number) => `Die Kita in Viertel ${n} hat zu wenige Plätze, Eltern warten monatelang auf Betreuung für ihre Kinder.`,
  ];
  const rows = Array.from({ length: count }, (_, index) => `A-${String(index + 1).padStart(3, '0')};${topics[index % topics.length]!(index + 1)}`);
  return `id;antwort\n${rows.join('\n')}\n`;
}
