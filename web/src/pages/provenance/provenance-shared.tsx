import { useId, type TextareaHTMLAttributes } from 'react';

export type Text = { de: string; en: string };
export type ImageRow = {
  id: string;
  filename: string;
  origin: string;
  photorealistic: boolean;
  generator: string | null;
  prompts: string[];
  description: string;
  creditLine: Text;
  visibleLabel: { corner: string; text: string } | null;
  c2pa: { signed: boolean; reason?: string };
  createdAt: string;
  source: string;
  files: { labelled: string; original: string };
};

/** The text of a {de, en} pair in the UI language. */
export const pick = (value: Text | null | undefined, language: string) => (value ? (language.startsWith('en') ? value.en : value.de) : '');

/** Reads a chosen file as base64 (without the data-URL prefix) for the JSON API. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A labelled multi-line field whose hint and error are announced with it. */
export function TextAreaField({ label, hint, error, ...textarea }: { label: string; hint?: string; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
