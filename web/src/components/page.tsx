import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The first page of a document load keeps the browser's focus, so Tab reaches the skip link first. */
let documentLoadPageShown = false;

/** Every page: one h1 that receives focus on navigation (screen readers hear where they are) and a title. */
export function Page({ title, intro, children, actions }: { title: string; intro?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    if (documentLoadPageShown) heading.current?.focus();
    documentLoadPageShown = true;
  }, [title, t]);
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
