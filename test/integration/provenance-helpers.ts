import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/**
 * A throwaway test CA and a C2PA signing certificate, made with openssl for each test run (no private
 * key is ever committed). Manifests signed with it validate, but as `signingCredential.untrusted`.
 */
export function makeTestSigningCertificate(): { dir: string; certificate: string; privateKey: string; caCertificate: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-c2pa-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  openssl('req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '2', '-subj', '/CN=Leitplanke Test CA/O=Leitplanke Test', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem');
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'leaf.ec.key');
  openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'leaf.ec.key', '-out', 'leaf.key');
  openssl('req', '-new', '-key', 'leaf.key', '-subj', '/CN=Leitplanke Test Signing/O=Leitplanke Test', '-out', 'leaf.csr');
  writeFileSync(file('ext.cnf'), 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-sha256', '-extfile', 'ext.cnf', '-out', 'leaf.pem');
  writeFileSync(file('chain.pem'), Buffer.concat([readFileSync(file('leaf.pem')), readFileSync(file('ca.pem'))]));
  return { dir, certificate: file('chain.pem'), privateKey: file('leaf.key'), caCertificate: file('ca.pem') };
}

/** A test picture: a smooth gradient with a few shapes, so regions differ and dHash has structure. */
export async function testPicture(format: 'png' | 'jpeg' | 'webp', width = 480, height = 320, seed = 0): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#${(0x4a90d9 + seed * 0x1020).toString(16).slice(-6)}"/><stop offset="1" stop-color="#e8d27a"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.3}" cy="${height * 0.45}" r="${height * 0.2}" fill="#2e7d32"/>
    <rect x="${width * 0.55}" y="${height * 0.3}" width="${width * 0.25}" height="${height * 0.35}" fill="#8e24aa"/></svg>`;
  const image = sharp(Buffer.from(svg));
  return (format === 'png' ? image.png() : format === 'jpeg' ? image.jpeg({ quality: 95 }) : image.webp({ quality: 95 })).toBuffer();
}

/** Mean RGB of a region. */
export async function regionMean(image: Buffer, region: { left: number; top: number; width: number; height: number }) {
  const { data, info } = await sharp(image).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let index = 0; index < data.length; index += info.channels) for (let channel = 0; channel < 3; channel++) sums[channel]! += data[index + channel]!;
  const pixels = data.length / info.channels;
  return sums.map((sum) => sum / pixels) as [number, number, number];
}

/** Raw pixels of a region, for exact comparisons and counting dark and light pixels. */
export async function regionPixels(image: Buffer, region: { left: number; top: number; width: number; height: number }) {
  return (await sharp(image).extract(region).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;
}

/** WCAG relative luminance and contrast ratio. */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const luminance = ([r, g, b]: [number, number, number]) => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
