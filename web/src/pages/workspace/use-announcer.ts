import { useCallback, useRef, useState } from 'react';

const MIN_GAP_MS = 2500;
/** The end of the last complete sentence (or paragraph) in `text`, at or after `from`. */
function lastSentenceEnd(text: string, from: number): number {
  let end = -1;
  const pattern = /[.!?:…](?=\s)|\n\n/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) end = match.index + match[0].length;
  return end;
}

/**
 * A polite live region for streamed text: screen readers hear complete sentences in batches at most
 * every 2.5 s (or only the finished answer), never every token.
 */
export function useStreamAnnouncer(mode: 'sentences' | 'complete') {
  const [message, setMessage] = useState('');
  const state = useRef({ announced: 0, last: 0 });

  const say = useCallback((value: string) => {
    // Re-setting the same words would not be read again; a changing suffix space makes it new.
    setMessage((previous) => (previous === value ? `${value}\u00a0` : value));
    state.current.last = Date.now();
  }, []);

  return {
    message,
    start: useCallback(
      (intro: string) => {
        state.current = { announced: 0, last: 0 };
        say(intro);
      },
      [say],
    ),
    update: useCallback(
      (text: string) => {
        if (mode !== 'sentences' || Date.now() - state.current.last < MIN_GAP_MS) return;
        const end = lastSentenceEnd(text, state.current.announced);
        if (end <= state.current.announced) return;
        say(text.slice(state.current.announced, end).trim());
        state.current.announced = end;
      },
      [mode, say],
    ),
    finish: useCallback(
      (text: string, outro: string) => {
        const rest = text.slice(state.current.announced).trim();
        say([rest, outro].filter(Boolean).join(' '));
        state.current.announced = text.length;
      },
      [say],
    ),
    say,
  };
}
