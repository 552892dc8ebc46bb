import { isIPv6 } from 'node:net';
import { precededBy, eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`(?<![\\w.])${octet}(?:\\.${octet}){3}(?!\\w|\\.\\d)`, 'g');
// A colon within the first five characters keeps ordinary words from becoming candidates.
const ipv6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,41}/g;
const ipContext = /\b(?:IP|IPv[46]|Adresse|address|Server|Host|Router|Log|Zugriff|access)\b[^\n]{0,30}$/i;
const versionContext = /(?:Version|Vers\.|Build|Release|Abschnitt|Kapitel|Ziffer|Nr\.|§|\bv)\s*$/i;

/** IPv4 and IPv6 addresses; outline numbers like 1.2.3.4 only count next to a word such as "IP". */
export const ipAddressRecogniser: Recogniser = {
  type: 'ip_address',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, ipv4, (match) => {
      const start = match.index;
      const end = start + match[0].length;
      const smallOctets = match[0].split('.').every((part) => part.length === 1);
      const context = precededBy(input, start, ipContext);
      if ((smallOctets || precededBy(input, start, versionContext, 12)) && !context) return;
      findings.push(finding('ip_address', input, start, end, context ? 0.99 : 0.9));
    });
    eachMatch(input, ipv6, (match) => {
      let candidate = match[0];
      while (candidate.endsWith('.') || (candidate.endsWith(':') && !candidate.endsWith('::'))) candidate = candidate.slice(0, -1);
      if (candidate.split(':').length < 3 || !/[0-9A-Fa-f]/.test(candidate) || !isIPv6(candidate)) return;
      findings.push(finding('ip_address', input, match.index, match.index + candidate.length, 0.97));
    });
    return findings;
  },
};
