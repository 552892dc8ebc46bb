import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuardFinding } from './guard-api';
import './guard.css';

/**
 * The prompt with every finding marked: a visible frame and its type in brackets, so it does not rely on
 * colour; special categories are marked differently (they are flagged, not replaced).
 */
export function HighlightedText({ text, findings, label }: { text: string; findings: GuardFinding[]; label: string }) {
  const parts: ReactNode[] = [];
  let position = 0;
  findings.forEach((found, index) => {
    if (found.start > position) parts.push(text.slice(position, found.start));
    const special = found.type === 'special_category';
    parts.push(
      <mark key={index} className={special ? 'guard-mark guard-mark-special' : 'guard-mark'}>
        {text.slice(found.start, found.end)}
        <span className="guard-mark-type"> [{found.label ?? found.type}]</span>
      </mark>,
    );
    position = found.end;
  });
  if (position < text.length) parts.push(text.slice(position));
  return (
    <figure className="guard-highlighted">
      <figcaption>{label}</figcaption>
      <p>{parts}</p>
    </figure>
  );
}

/** "Jonas Weber → [PERSON_1] (Person)": each distinct value once, as a list screen readers read in order. */
export function ReplacementList({ text, findings }: { text: string; findings: GuardFinding[] }) {
  const { t } = useTranslation();
  const id = useId();
  const replaced = new Map<string, { value: string; placeholder: string; label: string }>();
  for (const found of findings) {
    if (!found.placeholder || replaced.has(found.placeholder)) continue;
    replaced.set(found.placeholder, { value: text.slice(found.start, found.end), placeholder: found.placeholder, label: found.label ?? found.type });
  }
  const flagged = [...new Set(findings.filter((found) => found.type === 'special_category').map((found) => text.slice(found.start, found.end)))];
  return (
    <>
      {replaced.size > 0 ? (
        <>
          <h3 id={`${id}-replaced`}>{t('guard.preview.replacedHeading', { count: replaced.size })}</h3>
          <ul className="guard-replacements" aria-labelledby={`${id}-replaced`}>
            {[...replaced.values()].map((entry) => (
              <li key={entry.placeholder}>
                <span className="guard-value">{entry.value}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('guard.preview.becomes')} </span>
                <code>{entry.placeholder}</code> ({entry.label})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {flagged.length > 0 ? (
        <>
          <h3 id={`${id}-flagged`}>{t('guard.preview.flaggedHeading')}</h3>
          <ul aria-labelledby={`${id}-flagged`}>
            {flagged.map((value) => (
              <li key={value}>{value}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
