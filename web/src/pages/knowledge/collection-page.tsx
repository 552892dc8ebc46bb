import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDateTime, formatNumber } from '../../i18n';
import { ProgressBar, readAsBase64, usePolling, type CollectionDetail } from './knowledge-shared';

const pending = (collection: CollectionDetail) => collection.documents.some((document) => document.status === 'queued' || document.status === 'processing');

/** One collection: upload documents, follow their ingestion, delete them. */
export default function CollectionPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { collectionId } = useParams();
  const fileId = useId();
  const { data, error: loadError, reload } = usePolling<CollectionDetail>(collectionId ? `/api/knowledge/collections/${collectionId}` : undefined, pending);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    setUploading(true);
    try {
      const payload = await Promise.all(files.map(async (file) => ({ filename: file.name, contentBase64: await readAsBase64(file) })));
      await api(`/api/knowledge/collections/${collectionId}/documents`, { method: 'POST', body: { files: payload } });
      setNotice(t('knowledge.documents.uploaded', { count: files.length }));
      setFiles([]);
      setInputKey((value) => value + 1);
      reload();
    } catch (reason) {
      setError(reason);
    } finally {
      setUploading(false);
    }
  }

  async function remove(documentId: string, title: string) {
    if (!window.confirm(t('knowledge.documents.confirmDelete', { title }))) return;
    setError(undefined);
    try {
      await api(`/api/knowledge/documents/${documentId}`, { method: 'DELETE' });
      setNotice(t('knowledge.documents.deleted', { title }));
      reload();
    } catch (reason) {
      setError(reason);
    }
  }

  async function removeCollection() {
    if (!data || !window.confirm(t('knowledge.collection.confirmDelete', { name: data.name }))) return;
    try {
      await api(`/api/knowledge/collections/${data.id}`, { method: 'DELETE' });
      void navigate('/wissen');
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <Page title={data ? data.name : t('knowledge.collection.loading')} intro={data ? `${t(`knowledge.scope.${data.scope}`)}${data.description ? ` · ${data.description}` : ''}` : undefined}>
      <p>
        <Link to="/wissen">{t('knowledge.collection.back')}</Link> · <Link to={`/wissen/suche?sammlung=${collectionId}`}>{t('knowledge.collection.searchHere')}</Link>
      </p>
      <ErrorNotice error={error ?? loadError} />
      <div aria-live="polite">{notice ? <Notice kind="success">{notice}</Notice> : null}</div>
      {data?.canWrite ? (
        <section aria-labelledby="knowledge-upload">
          <h2 id="knowledge-upload">{t('knowledge.documents.upload')}</h2>
          <form onSubmit={(event) => void upload(event)}>
            <div className="field">
              <label htmlFor={fileId}>{t('knowledge.documents.files')}</label>
              <p className="hint" id={`${fileId}-hint`}>
                {t('knowledge.documents.filesHint')}
              </p>
              <input key={inputKey} id={fileId} type="file" multiple aria-describedby={`${fileId}-hint`} accept=".pdf,.docx,.odt,.md,.markdown,.html,.htm,.txt" onChange={(event) => setFiles([...(event.target.files ?? [])])} />
            </div>
            <button type="submit" className="primary" disabled={files.length === 0 || uploading}>
              {uploading ? t('knowledge.documents.uploading') : t('knowledge.documents.upload')}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="knowledge-documents">
        <h2 id="knowledge-documents">{t('knowledge.documents.title')}</h2>
        {data && data.documents.length > 0 ? (
          <div className="table-wrap" aria-live="polite" aria-busy={pending(data)}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('knowledge.documents.document')}</th>
                  <th scope="col">{t('knowledge.documents.status')}</th>
                  <th scope="col">{t('knowledge.documents.pages')}</th>
                  <th scope="col">{t('knowledge.documents.passages')}</th>
                  <th scope="col">{t('knowledge.documents.added')}</th>
                  {data.canWrite ? <th scope="col">{t('knowledge.documents.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.documents.map((document) => (
                  <tr key={document.id}>
                    <th scope="row">
                      <a href={`/api/knowledge/documents/${document.id}/file`} download={document.filename}>
                        {document.title}
                      </a>
                      <div className="muted">{document.filename}</div>
                    </th>
                    <td>
                      {t(`knowledge.status.${document.status}`)}
                      {document.status === 'queued' || document.status === 'processing' ? (
                        <div>
                          <ProgressBar progress={document.progress} label={t('knowledge.documents.progressOf', { title: document.title })} />
                        </div>
                      ) : null}
                      {document.error ? <div className="field-error">{document.error}</div> : null}
                    </td>
                    <td>{document.pageCount === null ? '–' : formatNumber(document.pageCount, i18n.language)}</td>
                    <td>{formatNumber(document.chunkCount, i18n.language)}</td>
                    <td>{formatDateTime(document.createdAt, i18n.language)}</td>
                    {data.canWrite ? (
                      <td>
                        <button type="button" onClick={() => void remove(document.id, document.title)}>
                          {t('knowledge.documents.delete', { title: document.title })}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : data ? (
          <p>{t('knowledge.documents.empty')}</p>
        ) : null}
      </section>
      {data?.canWrite ? (
        <p>
          <button type="button" className="danger" onClick={() => void removeCollection()}>
            {t('knowledge.collection.delete')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}
