import { describe, expect, it } from 'vitest';
import { buildPrompt, titleFrom, type HistoryMessage } from './prompt.js';

const turn = (role: 'user' | 'assistant', content: string): HistoryMessage => ({ role, content, attachments: [] });

describe('buildPrompt', () => {
  it('puts the system prompt first and keeps the whole conversation when it fits', () => {
    const messages = buildPrompt({ systemPrompt: 'System', passages: [], history: [turn('user', 'a'), turn('assistant', 'b'), turn('user', 'c')], contextLength: 4096, maxOutputTokens: 512 });
    expect(messages.map((message) => [message.role, message.content])).toEqual([
      ['system', 'System'],
      ['user', 'a'],
      ['assistant', 'b'],
      ['user', 'c'],
    ]);
  });

  it('drops the oldest turns first and always keeps the question', () => {
    const long = 'x'.repeat(4000);
    const history = [turn('user', `old ${long}`), turn('assistant', `older answer ${long}`), turn('user', 'recent'), turn('assistant', 'recent answer'), turn('user', `question ${long}`)];
    const messages = buildPrompt({ systemPrompt: 'S', passages: [], history, contextLength: 2048, maxOutputTokens: 256 });
    expect(messages.at(-1)!.content).toContain('question');
    expect(messages.some((message) => String(message.content).startsWith('old'))).toBe(false);
    const tooSmall = buildPrompt({ systemPrompt: 'S', passages: [], history, contextLength: 512, maxOutputTokens: 256 });
    expect(tooSmall.map((message) => message.role)).toEqual(['system', 'user']);
  });

  it('adds numbered passages with their source and the instruction to cite', () => {
    const [system] = buildPrompt({
      systemPrompt: 'Assistent',
      passages: [
        { text: 'Der Vorstand besteht aus fünf Personen.', source: 'Satzung.pdf', page: 3 },
        { text: 'Beiträge sind jährlich fällig.', source: 'Beitragsordnung', section: '§ 2' },
      ],
      history: [turn('user', 'Wie groß ist der Vorstand?')],
      contextLength: 4096,
      maxOutputTokens: 256,
    });
    expect(system!.content).toContain('[1] Satzung.pdf, Seite 3\nDer Vorstand besteht aus fünf Personen.');
    expect(system!.content).toContain('[2] Beitragsordnung, § 2');
    expect(system!.content).toContain('eckigen Klammern');
  });

  it('tells the model that the knowledge collections have nothing on the question, and only then', () => {
    const history = [turn('user', 'Wann ist das Sommerfest?')];
    const [nothing] = buildPrompt({ systemPrompt: 'Assistent', passages: [], nothingFound: true, history, contextLength: 4096, maxOutputTokens: 256 });
    expect(nothing!.content).toMatch(/^Assistent\n\nIn den Wissenssammlungen dieses Assistenten/);
    expect(nothing!.content).toContain('Dokumente der Organisation dazu nichts enthalten');
    expect(nothing!.content).toContain('Erfinde keine Quellen');
    expect(nothing!.content).not.toMatch(/\[\d+\]/);
    const [plain] = buildPrompt({ systemPrompt: 'Assistent', passages: [], history, contextLength: 4096, maxOutputTokens: 256 });
    expect(plain!.content).toBe('Assistent');
    // Passages win: with something found, the model gets them, not the 'nothing found' instruction.
    const [found] = buildPrompt({ systemPrompt: 'Assistent', passages: [{ text: 'Das Sommerfest ist am 5. Juli.', source: 'Termine' }], nothingFound: true, history, contextLength: 4096, maxOutputTokens: 256 });
    expect(found!.content).toContain('[1] Termine');
    expect(found!.content).not.toContain('nichts Passendes gefunden');
  });

  it('sends images only with the question, earlier ones as a note', () => {
    const image = { kind: 'image' as const, mediaType: 'image/png', dataUrl: 'data:image/png;base64,AAAA', name: 'infostand.png' };
    const history: HistoryMessage[] = [{ role: 'user', content: 'Erstes Bild', attachments: [image] }, turn('assistant', 'ok'), { role: 'user', content: 'Zweites', attachments: [image] }];
    const messages = buildPrompt({ systemPrompt: 'S', passages: [], history, contextLength: 4096, maxOutputTokens: 256 });
    expect(messages[1]!.content).toBe('Erstes Bild\n[Bild: infostand.png]');
    expect(messages[3]!.content).toEqual([
      { type: 'text', text: 'Zweites' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
    ]);
  });
});

describe('titleFrom', () => {
  it('takes the first line and cuts long ones at a word', () => {
    expect(titleFrom('  Pressemitteilung zum Repair-Café\nmit Details')).toBe('Pressemitteilung zum Repair-Café');
    const title = titleFrom('Bitte fasse das Protokoll der Vorstandssitzung vom 12. Mai zusammen und liste alle Beschlüsse auf');
    expect(title.length).toBeLessThanOrEqual(62);
    expect(title.endsWith(' …')).toBe(true);
    expect(title).toBe('Bitte fasse das Protokoll der Vorstandssitzung vom 12. Mai …');
  });
});
