/** True when `pattern` matches the `window` characters before `start`; patterns end in `$` to mean "right before". */
export function precededBy(input: string, start: number, pattern: RegExp, window = 40): boolean {
  return pattern.test(input.slice(Math.max(0, start - window), start));
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
