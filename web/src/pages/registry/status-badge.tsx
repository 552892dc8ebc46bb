import { useTranslation } from 'react-i18next';

/** Status as text with a shape cue, never by colour alone. */
const marks: Record<string, string> = { recommended: '★', approved: '✓', exception_only: '!', excluded: '✕', under_review: '…', candidate: '○' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{marks[status] ?? ''} </span>
      {t(`registry.status.${status}`)}
    </span>
  );
}
