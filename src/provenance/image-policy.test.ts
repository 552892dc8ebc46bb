import { describe, expect, it } from 'vitest';
import { classifyGenerator, decideImage, effectiveImagePolicy, needsVisibleLabel } from './image-policy.js';
import { creditLine, digitalSourceTypeOf } from './origins.js';

describe('image policy (LABEL-4)', () => {
  it('classes generators from their registry card', () => {
    expect(classifyGenerator({ creatorCompensation: 'licensed_and_paid', trainingData: 'partial' })).toBe('licensed_stock');
    expect(classifyGenerator({ creatorCompensation: 'opt_out_respected', trainingData: 'documented', licence: { spdx: 'Apache-2.0' }, openness: null })).toBe('open_clean');
    expect(classifyGenerator({ creatorCompensation: 'opt_out_respected', trainingData: 'documented', openness: { dimensions: { weights_endmodel: { rating: 'partial' } } } })).toBe('other');
    expect(classifyGenerator({ creatorCompensation: 'unknown', trainingData: 'undisclosed', licence: { spdx: 'Apache-2.0' } })).toBe('other');
    expect(classifyGenerator(undefined)).toBe('other');
  });

  it('applies the strictest level of the organisation and its parents', () => {
    expect(effectiveImagePolicy([undefined, undefined])).toMatchObject({ ai: 'licensed_or_open_clean', setBy: -1 });
    expect(effectiveImagePolicy([{ ai: 'any' }, { ai: 'licensed_stock' }])).toMatchObject({ ai: 'licensed_stock', setBy: 1 });
    expect(effectiveImagePolicy([{ ai: 'off' }, { ai: 'licensed_stock' }])).toMatchObject({ ai: 'off', setBy: 0 });
    expect(effectiveImagePolicy([{}, { visibleLabel: 'all_ai' }]).visibleLabel).toBe('all_ai');
  });

  it('decides with a reason for every refusal', () => {
    const stock = { name: 'Stock', class: 'licensed_stock' as const, registered: true };
    const other = { name: 'Other', class: 'other' as const, registered: false };
    expect(decideImage({ ai: 'off', visibleLabel: 'montage_and_photorealistic' }, stock)).toMatchObject({ allowed: false, reason: 'image_policy_off' });
    expect(decideImage({ ai: 'licensed_stock', visibleLabel: 'montage_and_photorealistic' }, stock)).toEqual({ allowed: true });
    const refused = decideImage({ ai: 'licensed_or_open_clean', visibleLabel: 'montage_and_photorealistic' }, other);
    expect(refused).toMatchObject({ allowed: false, reason: 'image_policy_generator_not_clean' });
    expect(refused.allowed === false && refused.detail.de).toContain('Other');
    expect(decideImage({ ai: 'any', visibleLabel: 'montage_and_photorealistic' }, other)).toEqual({ allowed: true });
    expect(decideImage({ ai: 'any', visibleLabel: 'montage_and_photorealistic' }, { ...stock, excluded: true })).toMatchObject({ allowed: false, reason: 'generator_excluded' });
  });

  it('requires a visible label on montages and photorealistic AI images, and on all AI images with "all_ai" (LABEL-3)', () => {
    const policy = { ai: 'any' as const, visibleLabel: 'montage_and_photorealistic' as const };
    expect(needsVisibleLabel(policy, { ai: true, montage: true, photorealistic: false })).toBe(true);
    expect(needsVisibleLabel(policy, { ai: true, montage: false, photorealistic: true })).toBe(true);
    expect(needsVisibleLabel(policy, { ai: true, montage: false, photorealistic: false })).toBe(false);
    expect(needsVisibleLabel({ ...policy, visibleLabel: 'all_ai' }, { ai: true, montage: false, photorealistic: false })).toBe(true);
    expect(needsVisibleLabel({ ...policy, visibleLabel: 'all_ai' }, { ai: false, montage: false, photorealistic: false })).toBe(false);
  });
});

describe('origins and credit lines (LABEL-2)', () => {
  it('maps each declared origin to the IPTC digital source type', () => {
    expect(digitalSourceTypeOf.ai_generated).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
    expect(digitalSourceTypeOf.ai_edited).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
    expect(digitalSourceTypeOf.human_photo).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture');
  });

  it('names the AI in the credit line and adds the prompts only for photorealistic images', () => {
    const base = { origin: 'ai_generated' as const, generator: 'FLUX.1', organisation: 'KV Dresden', prompts: ['Marktplatz bei Nacht'] };
    expect(creditLine({ ...base, photorealistic: false })).toEqual({ de: 'Bild: KI-generiert mit FLUX.1 (KV Dresden)', en: 'Image: AI-generated with FLUX.1 (KV Dresden)' });
    expect(creditLine({ ...base, photorealistic: true }).de).toBe('Bild: KI-generiert mit FLUX.1 (KV Dresden) · Prompt: „Marktplatz bei Nacht“');
    expect(creditLine({ ...base, origin: 'human_photo', creator: 'Jo Beispiel', photorealistic: false })).toEqual({ de: 'Foto: Jo Beispiel', en: 'Photo: Jo Beispiel' });
  });
});
