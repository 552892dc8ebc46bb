const lookbehinds = new WeakMap<RegExp, RegExp>();

/**
 * True when `pattern` matches the `window` characters before `start`; a pattern ending in `$` means "right
 * before" and runs as a sticky lookbehind, read backwards from `start` instead of scanning the whole window.
 */
export function precededBy(input: string, start: number, pattern: RegExp, window = 40): boolean {
  if (!pattern.source.endsWith('$')) return pattern.test(input.slice(Math.max(0, start - window), start));
  let behind = lookbehinds.get(pattern);
  if (behind === undefined) {
    behind = new RegExp(`(?<=${pattern.source.slice(0, -1)})`, pattern.flags.replace(/[gy]/g, '') + 'y');
    lookbehinds.set(pattern, behind);
  }
  behind.lastIndex = start;
  return behind.test(input);
}

/** True when `pattern` matches the `window` characters after `end`; patterns start with `^` to mean "right after". */
export function followedBy(input: string, end: number, pattern: RegExp, window = 40): boolean {
  return pattern.test(input.slice(end, end + window));
}

/** Runs a global regex over the input and hands every match to `visit`; the regex keeps no state between calls. */
export function eachMatch(input: string, pattern: RegExp, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(input); match !== null; match = pattern.exec(input)) {
    if (match[0].length === 0) pattern.lastIndex++;
    visit(match);
  }
}
