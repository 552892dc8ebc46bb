import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A secret shown once, with a copy button that confirms politely. */
export function CopyBox({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-box">
      <code aria-label={label}>{value}</code>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {t('app.copy')}
      </button>
      <span role="status" className="muted">
        {copied ? t('app.copied') : ''}
      </span>
    </div>
  );
}
