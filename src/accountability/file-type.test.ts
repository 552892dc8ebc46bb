import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffFileType } from './file-type.js';
import { checkSolution, issueChallenge, leadingZeroBits, solveChallenge } from './proof-of-work.js';
import { normaliseStatusToken, newStatusToken, statusTokenHash } from './status-token.js';
import { SecretBox } from '../core/crypto.js';

const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('file type by content', () => {
  it('recognises accepted formats by their magic bytes', () => {
    expect(sniffFileType(tinyPng)?.mediaType).toBe('image/png');
    expect(sniffFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))?.mediaType).toBe('application/pdf');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))?.mediaType).toBe('image/jpeg');
    expect(sniffFileType(Buffer.from('GIF89a\x01\x00', 'latin1'))?.mediaType).toBe('image/gif');
    expect(sniffFileType(Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')]))?.mediaType).toBe('image/webp');
    const odt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')]);
    expect(sniffFileType(odt)?.extension).toBe('odt');
    expect(sniffFileType(Buffer.from('Sehr geehrte Damen und Herren,\näöü ß – danke.\r\n'))?.mediaType).toBe('text/plain; charset=utf-8');
  });

  it('refuses executables, HTML with binary, archives and invalid text whatever their name says', () => {
    expect(sniffFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeUndefined(); // MZ (Windows executable)
    expect(sniffFileType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02]))).toBeUndefined(); // ELF
    expect(sniffFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeUndefined(); // a plain ZIP
    expect(sniffFileType(Buffer.from([0xc3, 0x28, 0x41]))).toBeUndefined(); // invalid UTF-8
    expect(sniffFileType(Buffer.alloc(0))).toBeUndefined();
  });

  it('cleans file names of paths and control characters and sets the sniffed extension', () => {
    expect(cleanFileName('../../etc/passwd', 'txt')).toBe('passwd.txt');
    expect(cleanFileName('C:\\Users\\x\\Bild "1".exe', 'png')).toBe('Bild 1.png');
    expect(cleanFileName('', 'pdf')).toBe('anhang.pdf');
  });
});

describe('proof of work', () => {
  const box = new SecretBox(Buffer.alloc(32, 7));
  const now = new Date('2026-01-15T09:00:00Z');

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0x00, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Buffer.from([0x01]))).toBe(7);
  });

  it('accepts a solved challenge and refuses wrong, forged and expired ones', () => {
    const { challenge } = issueChallenge(box, 10, now, 60_000);
    const nonce = solveChallenge(challenge, 10);
    expect(checkSolution(box, challenge, nonce, now)).toMatchObject({ ok: true });
    const wrong = ['0', '1', '2', '3', '4', '5'].find((candidate) => !checkSolution(box, challenge, candidate, now).ok)!;
    expect(checkSolution(box, challenge, wrong, now)).toEqual({ ok: false, reason: 'wrong_solution' });
    expect(checkSolution(box, `${challenge.slice(0, -2)}AA`, nonce, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSolution(new SecretBox(Buffer.alloc(32, 8)), challenge, nonce, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSolution(box, challenge, nonce, new Date(now.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('status tokens', () => {
  it('are 120-bit, grouped, and accepted as typed', () => {
    const token = newStatusToken();
    expect(token).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = token.toLowerCase().replace(/-/g, ' ');
    expect(normaliseStatusToken(typed)).toBe(token.replace(/-/g, ''));
    expect(statusTokenHash(normaliseStatusToken(typed)!)).toBe(statusTokenHash(token.replace(/-/g, '')));
    expect(normaliseStatusToken('too-short')).toBeUndefined();
    expect(normaliseStatusToken('UUUU-UUUU-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
    expect(newStatusToken()).not.toBe(token);
  });
});
