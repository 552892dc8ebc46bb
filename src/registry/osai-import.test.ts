import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opennessDimensions, opennessSchema } from './model-card.js';
import { importOsaiDirectory, mapOsaiToOpenness, parseOsaiYaml } from './osai-import.js';

const osaiDir = path.resolve(import.meta.dirname, '../../../shared/datasets/osai-index');
const haveDataset = existsSync(osaiDir);
if (!haveDataset)
  console.warn(
    `osai-import tests on real files skipped: ${osaiDir} is missing (see shared/datasets/README.md)`,
  );

describe.runIf(haveDataset)('OSAI import on the real index files', () => {
  const imported = importOsaiDirectory(osaiDir, { sourceDate: '2026-11-23' });
  const byFile = new Map(imported.entries.map((entry) => [entry.file, entry.record]));

  it('parses every model file; only the submission template is set aside', () => {
    const modelFiles = readdirSync(osaiDir).filter((file) => file.endsWith('.yaml') && !file.startsWith('_'));
    expect(modelFiles.length).toBeGreaterThan(190);
    expect(imported.problems).toEqual([
      { file: 'a_submission_template.yaml', message: expect.stringContaining('no system') },
    ]);
    expect(imported.entries).toHaveLength(modelFiles.length - 1);
  });

  it('reads every dimension of every file as open, partial or closed', () => {
    for (const { file, record } of imported.entries) {
      for (const dimension of opennessDimensions) {
        expect(record.parameters[dimension]?.class, `${file} ${dimension}`).toMatch(
          /^(open|partial|closed)$/,
        );
      }
    }
  });

  it('maps every file onto a valid openness with source and date kept', () => {
    for (const { file, record } of imported.entries) {
      const openness = opennessSchema.parse(mapOsaiToOpenness(record));
      expect(openness.date, file).toBe('2026-11-23');
      expect(openness.source, file).toBe(`https://osai-index.eu/model/${file.replace('.yaml', '')}`);
    }
  });

  it('keeps known values: EuroLLM weights open, paper closed, licences partial', () => {
    const openness = mapOsaiToOpenness(byFile.get('EuroLLM.yaml')!);
    expect(openness.assessedModel).toBe('EuroLLM-22B-Instruct-2512');
    expect(openness.dimensions.weights_basemodel.rating).toBe('open');
    expect(openness.dimensions.weights_endmodel.rating).toBe('open');
    expect(openness.dimensions.paper).toMatchObject({ rating: 'closed', evidence: [] });
    expect(openness.dimensions.licenses.rating).toBe('partial');
    expect(openness.dimensions.licenses.evidence).toHaveLength(7);
    expect(openness.dimensions.preprint.evidence).toEqual(['https://arxiv.org/abs/2602.05879']);
  });

  it('keeps known values for Llama 3.3, Teuken and OLMo', () => {
    const llama = mapOsaiToOpenness(byFile.get('llama-3.3.yaml')!);
    expect(llama.dimensions.weights_basemodel.rating).toBe('closed');
    expect(llama.dimensions.weights_endmodel.rating).toBe('partial');
    expect(byFile.get('Teuken.yaml')!.organisation.name).toBe('OpenGPT-X');
    expect(byFile.get('Teuken.yaml')!.parameters.trainingcode?.class).toBe('closed');
    const olmo = mapOsaiToOpenness(byFile.get('OLMo.yaml')!);
    expect(Object.values(olmo.dimensions).filter((entry) => entry.rating === 'open')).toHaveLength(11);
  });

  it('reads the licence key spelled with a space and fields hidden in the wrong section', () => {
    expect(byFile.get('GANSynth.yaml')!.system.endModelLicence).toBe('Apache 2.0');
    expect(byFile.get('Zephyr.yaml')!.parameters.licenses?.links).toEqual([]);
  });
});

describe('OSAI import on synthetic quirks', () => {
  it('treats missing parameters, odd classes and odd links as unknown with warnings', () => {
    const record = parseOsaiYaml(
      [
        'system:',
        '  name: X',
        '  releasedate: 2024',
        'weights_endmodel:',
        '  class: " Open "',
        '  link: [https://a.example/w, "see paper"]',
        'paper:',
        '  class: maybe',
      ].join('\n'),
    );
    expect(record.system.releaseDate).toBe('2024');
    expect(record.parameters.weights_endmodel).toEqual({
      class: 'open',
      links: ['https://a.example/w'],
      notes: null,
    });
    expect(record.parameters.paper?.class).toBeNull();
    expect(record.parameters.datasheet).toBeNull();
    expect(record.warnings).toEqual(
      expect.arrayContaining([
        'paper: class "maybe" is not open/partial/closed',
        'datasheet: missing',
        'weights_endmodel: 1 link(s) are not http(s) URLs',
      ]),
    );
    const openness = mapOsaiToOpenness(record);
    expect(openness.dimensions.paper.rating).toBe('unknown');
    expect(openness.dimensions.datasheet).toEqual({
      rating: 'unknown',
      evidence: [],
      note: 'not rated in the index file',
    });
    expect(openness).toMatchObject({ assessedModel: 'X', source: 'https://osai-index.eu/', date: null });
  });

  it('rejects text that is not YAML or has no mapping', () => {
    expect(() => parseOsaiYaml('system: [unclosed')).toThrow(/not a readable OSAI file/i);
    expect(() => parseOsaiYaml('- just\n- a list')).toThrow(/not a readable OSAI file/i);
  });

  it.runIf(haveDataset)('parses a real file read as text with the options given', () => {
    const record = parseOsaiYaml(readFileSync(path.join(osaiDir, 'Apertus.yaml'), 'utf8'), {
      sourceDate: '2026-01-01',
    });
    expect(record.sourceDate).toBe('2026-01-01');
    expect(record.organisation.name).toBe('Swiss AI Initiative');
    expect(record.parameters.datasheet?.class).toBe('open');
  });
});
