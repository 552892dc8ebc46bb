import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as C2paNode from '@contentauth/c2pa-node';

/**
 * C2PA manifests with the Content Authenticity Initiative's c2pa-node (a Rust library with a prebuilt
 * binary). Signing needs a certificate chain and key (config `c2pa_certificate`, `c2pa_private_key`);
 * without them, or where the binary does not load, images still get their IPTC/XMP labels.
 */
type C2paModule = typeof C2paNode;

let loaded: { module?: C2paModule; error?: string } | undefined;

async function c2pa(): Promise<{ module?: C2paModule; error?: string }> {
  if (loaded) return loaded;
  try {
    createRequire(import.meta.url).resolve('@contentauth/c2pa-node');
    loaded = { module: await import('@contentauth/c2pa-node') };
  } catch (error) {
    loaded = { error: `c2pa-node does not load here: ${(error as Error).message.split('\n')[0]}` };
  }
  return loaded;
}

export type C2paSettings = { certificate?: string | undefined; privateKey?: string | undefined; algorithm?: string | undefined; timestampUrl?: string | undefined };

export type ManifestFacts = {
  title: string;
  mimeType: string;
  digitalSourceType: string;
  description: string;
  softwareAgent?: string | undefined;
  provenanceId?: string | undefined;
  organisation: string;
};

export type C2paReport = {
  present: boolean;
  /** `valid` (signature and hashes check out; `trusted` says whether the signer chains to a known root), `invalid`, or absent. */
  state: 'valid' | 'invalid' | 'absent' | 'unreadable';
  trusted: boolean;
  digitalSourceTypes: string[];
  issuer: string | null;
  signer: string | null;
  generator: string | null;
  /** The active manifest's label (urn:c2pa:…). */
  label: string | null;
  failures: string[];
};

export function createC2paSigner(settings: C2paSettings) {
  const credentials =
    settings.certificate && settings.privateKey
      ? { certificate: readFileSync(settings.certificate), privateKey: readFileSync(settings.privateKey), algorithm: settings.algorithm ?? 'es256' }
      : undefined;

  return {
    /** Why signing is not possible here, or undefined when it is. */
    async unavailable(): Promise<string | undefined> {
      if (!credentials) return 'no signing certificate configured (LEITPLANKE_C2PA_CERTIFICATE, LEITPLANKE_C2PA_PRIVATE_KEY)';
      return (await c2pa()).error;
    },

    /** Signs a manifest into the image; the image's IPTC/XMP must already be written (signing hashes the bytes). */
    async sign(input: Buffer, facts: ManifestFacts): Promise<{ image: Buffer; manifestLabel: string | null }> {
      const { module, error } = await c2pa();
      if (!module || !credentials) throw new Error(error ?? 'no signing certificate configured');
      const signer = module.LocalSigner.newSigner(credentials.certificate, credentials.privateKey, credentials.algorithm as 'es256', settings.timestampUrl);
      const builder = module.Builder.withJson({
        claim_generator_info: [{ name: 'Leitplanke', version: '0.1.0' }],
        title: facts.title,
        format: facts.mimeType,
        assertions: [],
      } as never);
      builder.setIntent({ create: facts.digitalSourceType } as never);
      builder.addAction(
        JSON.stringify({
          action: 'c2pa.published',
          parameters: { description: facts.description, 'org.leitplanke.organisation': facts.organisation, ...(facts.provenanceId ? { 'org.leitplanke.provenance_id': facts.provenanceId } : {}) },
          ...(facts.softwareAgent ? { softwareAgent: { name: facts.softwareAgent } } : {}),
        }),
      );
      const output: { buffer: Buffer | null } = { buffer: null };
      builder.sign(signer, { buffer: input, mimeType: facts.mimeType }, output);
      const report = await readC2pa(output.buffer!, facts.mimeType);
      return { image: output.buffer!, manifestLabel: report.label };
    },
  };
}

export type C2paSigner = ReturnType<typeof createC2paSigner>;

type ManifestStore = {
  active_manifest?: string;
  manifests?: Record<string, { claim_generator_info?: { name?: string }[]; signature_info?: { issuer?: string; common_name?: string }; assertions?: { label: string; data?: { actions?: { digitalSourceType?: string; softwareAgent?: { name?: string } | string }[] } }[] }>;
  validation_status?: { code: string }[];
  validation_state?: string;
};

/** Reads and validates a C2PA manifest, if the image has one. Trust needs configured anchors; a self-made CA is `untrusted`. */
export async function readC2pa(image: Buffer, mimeType: string, trustAnchors?: string): Promise<C2paReport> {
  const empty: C2paReport = { present: false, state: 'absent', trusted: false, digitalSourceTypes: [], issuer: null, signer: null, generator: null, label: null, failures: [] };
  const { module } = await c2pa();
  if (!module) return { ...empty, state: 'unreadable', failures: ['c2pa_unavailable'] };
  let store: ManifestStore;
  try {
    const reader = await module.Reader.fromAsset({ buffer: image, mimeType }, trustAnchors ? ({ trust: { trust_anchors: trustAnchors } } as never) : undefined);
    if (!reader) return empty;
    store = reader.json() as unknown as ManifestStore;
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/JumbfNotFound|no JUMBF|ManifestNotFound|not found/i.test(message)) return empty;
    return { ...empty, present: true, state: 'invalid', failures: [message.slice(0, 200)] };
  }
  const active = store.active_manifest ? store.manifests?.[store.active_manifest] : undefined;
  if (!active) return empty;
  const codes = (store.validation_status ?? []).map((status) => status.code);
  const failures = codes.filter((code) => code !== 'signingCredential.untrusted');
  const actions = (active.assertions ?? []).filter((assertion) => assertion.label.startsWith('c2pa.actions')).flatMap((assertion) => assertion.data?.actions ?? []);
  const agent = actions.map((action) => (typeof action.softwareAgent === 'string' ? action.softwareAgent : action.softwareAgent?.name)).find(Boolean);
  return {
    present: true,
    state: failures.length === 0 ? 'valid' : 'invalid',
    trusted: !codes.includes('signingCredential.untrusted') && failures.length === 0,
    digitalSourceTypes: [...new Set(actions.map((action) => action.digitalSourceType).filter((value): value is string => !!value))],
    issuer: active.signature_info?.issuer ?? null,
    signer: active.signature_info?.common_name ?? null,
    generator: agent ?? active.claim_generator_info?.[0]?.name ?? null,
    label: store.active_manifest ?? null,
    failures,
  };
}
