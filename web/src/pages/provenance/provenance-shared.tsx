import type { ComponentProps } from 'react';
import { TextAreaField as SharedTextAreaField } from '../../components/field';

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

/** The shared field, three rows high in the provenance forms. */
export function TextAreaField(props: ComponentProps<typeof SharedTextAreaField>) {
  return <SharedTextAreaField rows={3} {...props} />;
}
