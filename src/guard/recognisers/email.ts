import { finding, type Finding, type Recogniser } from '../entity.js';

const letter = /\p{L}|\p{N}/u;

function isLocalChar(code: number, char: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code === 46 || code === 95 || code === 37 || code === 43 || code === 45) return true;
  return code > 127 && letter.test(char);
}

function isDomainChar(code: number, char: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code === 46 || code === 45) return true;
  return code > 127 && letter.test(char);
}

const domainShape = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}\.)+\p{L}{2,24}$/u;
// Addresses written against spam harvesters: "anna (at) example (dot) de", "anna[at]example.de".
const obfuscatedAt = /[([{] ?(?:at|ät|AT) ?[)\]}]/g;
const obfuscatedDomain = /(?:[\p{L}\p{N}-]{1,63}(?:\.|\s?[([{]\s?(?:dot|punkt|DOT)\s?[)\]}]\s?))+\p{L}{2,24}(?![\p{L}\p{N}])/uy;

function localPartStart(input: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 64 && isLocalChar(input.charCodeAt(start - 1), input[start - 1]!)) start--;
  while (start < at && (input[start] === '.' || input[start] === '-')) start++;
  return start;
}

/** Expands outwards from every `@` with bounded loops instead of a regex, so runs of `@` or dots stay linear. */
export const emailRecogniser: Recogniser = {
  type: 'email',
  find(input) {
    const findings: Finding[] = [];
    let from = 0;
    for (let at = input.indexOf('@', from); at !== -1; at = input.indexOf('@', from)) {
      from = at + 1;
      const start = localPartStart(input, at);
      let end = at + 1;
      while (end < input.length && end - at < 254 && isDomainChar(input.charCodeAt(end), input[end]!)) end++;
      while (end > at + 1 && (input[end - 1] === '.' || input[end - 1] === '-')) end--;
      if (start === at || !domainShape.test(input.slice(at + 1, end))) continue;
      if (input[at - 1] === '.') continue;
      findings.push(finding('email', input, start, end, 0.99));
      from = end;
    }
    obfuscatedAt.lastIndex = 0;
    for (let marker = obfuscatedAt.exec(input); marker !== null; marker = obfuscatedAt.exec(input)) {
      const before = input[marker.index - 1] === ' ' ? marker.index - 1 : marker.index;
      const start = localPartStart(input, before);
      obfuscatedDomain.lastIndex = marker.index + marker[0].length + (input[marker.index + marker[0].length] === ' ' ? 1 : 0);
      const domain = obfuscatedDomain.exec(input);
      if (start === before || !domain) continue;
      findings.push(finding('email', input, start, obfuscatedDomain.lastIndex, 0.9));
    }
    return findings;
  },
};
