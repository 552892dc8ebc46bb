import { isIPv6 } from 'node:net';
import { precededBy, eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`(?<![\\w.])${octet}(?:\\.${octet}){3}(?!\\w|\\.\\d)`, 'g');
// Candidates start at most four hex digits before a colon; colons are rare, hex letters are not.
const ipv6 = /[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{1,41}/y;
const hexDigit = /[0-9A-Fa-f]/;
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
    for (let colon = input.indexOf(':'); colon !== -1; colon = input.indexOf(':', colon + 1)) {
      let start = colon;
      while (start > 0 && colon - start < 4 && hexDigit.test(input[start - 1]!)) start--;
      if (start > 0 && /[\w:.]/.test(input[start - 1]!)) continue;
      ipv6.lastIndex = start;
      const match = ipv6.exec(input);
      if (!match) continue;
      let candidate = match[0];
      while (candidate.endsWith('.') || (candidate.endsWith(':') && !candidate.endsWith('::'))) candidate = candidate.slice(0, -1);
      colon = start + match[0].length - 1;
      if (candidate.split(':').length < 3 || !hexDigit.test(candidate) || !isIPv6(candidate)) continue;
      findings.push(finding('ip_address', input, start, start + candidate.length, 0.97));
    }
    return findings;
  },
};
