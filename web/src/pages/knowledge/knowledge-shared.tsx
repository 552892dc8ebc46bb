import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatNumber } from '../../i18n';
import './knowledge.css';

export type Text = { de: string; en: string };
export type Progress = { status: string; done: number | null; total: number | null; message: string | null } | null;

export type CollectionSummary = { id: string; name: string; description: string; scope: 'organisation' | 'personal'; documentCount: number; chunkCount: number; updatedAt: string };
export type DocumentRow = { id: string; title: string; filename: string; format: string; sizeBytes: number; status: 'queued' | 'processing' | 'ready' | 'failed'; error: string | null; pageCount: number | null; chunkCount: number; createdAt: string; progress: Progress };
export type CollectionDetail = CollectionSummary & { canWrite: boolean; documents: DocumentRow[] };
export type Passage = { chunkId: string; documentId: string; source: string; filename: string; page: number | null; section: string | null; location: string; text: string; url: string; matchedBy: ('text' | 'meaning')[] };

export type Cluster = { ordinal: number; title: string; summary: string; keywords: string[]; count: number; quotes: { sourceId: string; text: string }[]; summarisedBy: string | null };
export type RunSummary = { id: string; name: string; status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'; itemCount: number; clusterCount: number; error: string | null; createdAt: string };
export type RunDetail = RunSummary & { progress: Progress; clusters: Cluster[] };

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

/** Loads `path` and loads it again every second while `keepPolling` holds (ingestion, analyses). */
export function usePolling<T>(path: string | undefined, keepPolling: (value: T) => boolean) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      api<T>(path, { signal: controller.signal })
        .then((value) => {
          setData(value);
          setError(undefined);
          if (keepPolling(value)) timer = setTimeout(load, 1000);
        })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) setError(reason);
        });
    };
    load();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // keepPolling is a pure predicate of the page; restarting on its identity would poll in a loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, version]);
  return { data, error, reload: () => setVersion((value) => value + 1) };
}

/** A native progress bar with its value as text beside it (not by the bar alone). */
export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const { t, i18n } = useTranslation();
  if (!progress || !progress.total) return <span>{t('knowledge.progress.waiting')}</span>;
  const done = progress.done ?? 0;
  const percent = Math.round((done / progress.total) * 100);
  const text = t('knowledge.progress.value', { done: formatNumber(done, i18n.language), total: formatNumber(progress.total, i18n.language), percent: formatNumber(percent, i18n.language) });
  return (
    <span className="knowledge-progress">
      <progress max={progress.total} value={done} aria-label={label} aria-valuetext={text} />
      <span>{text}</span>
    </span>
  );
}

export function locationOf(t: (key: string, options?: Record<string, unknown>) => string, passage: { page: number | null; pageEnd?: number | null; section: string | null }): string {
  const page = passage.page === null ? '' : passage.pageEnd && passage.pageEnd !== passage.page ? t('knowledge.pages', { from: passage.page, to: passage.pageEnd }) : t('knowledge.page', { page: passage.page });
  return [page, passage.section ?? ''].filter(Boolean).join(' · ');
}
