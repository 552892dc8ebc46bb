import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/**
 * The location the document was loaded at: its page keeps the browser's focus, so Tab reaches the skip
 * link first. Every later navigation moves focus to the new page's heading — but a title that changes
 * while the same page loads its data ("Willkommen" → "Willkommen, Administration") is no navigation.
 */
let documentLocationKey: string | undefined;

/** Every page: one h1 that receives focus on navigation (screen readers hear where they are) and a title. */
export function Page({ title, intro, children, actions }: { title: string; intro?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    documentLocationKey ??= location.key;
    if (location.key !== documentLocationKey) heading.current?.focus();
  }, [location.key]);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}
