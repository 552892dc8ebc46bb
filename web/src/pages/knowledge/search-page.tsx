import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { locationOf, pick, type CollectionSummary, type Passage, type Text } from './knowledge-shared';

type Result = { passages: Passage[]; notices: Text[] };

/** Hybrid search in the collections I may read; every hit opens its passage. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const [params, setParams] = useSearchParams();
  const { data: collections } = useResource<CollectionSummary[]>(currentOrg ? `/api/orgs/${currentOrg.id}/knowledge/collections` : undefined);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [collection, setCollection] = useState(params.get('sammlung') ?? '');
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<unknown>();
  const [searching, setSearching] = useState(false);

  async function search(text: string, collectionId: string) {
    if (!currentOrg || !text.trim()) return;
    setSearching(true);
    setError(undefined);
    try {
      setResult(await api<Result>(`/api/orgs/${currentOrg.id}/knowledge/search`, { method: 'POST', body: { query: text, limit: 10, ...(collectionId ? { collectionIds: [collectionId] } : {}) } }));
    } catch (reason) {
      setError(reason);
    } finally {
      setSearching(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams({ q: query, ...(collection ? { sammlung: collection } : {}) }, { replace: true });
    void search(query, collection);
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('knowledge.search.title')} intro={t('knowledge.search.intro')}>
      <form onSubmit={submit} role="search">
        <TextField label={t('knowledge.search.query')} type="search" required value={query} onChange={(event) => setQuery(event.target.value)} />
        <SelectField label={t('knowledge.search.collection')} value={collection} onChange={(event) => setCollection(event.target.value)}>
          <option value="">{t('knowledge.search.allCollections')}</option>
          {(collections ?? []).map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={searching}>
          {t('knowledge.search.submit')}
        </button>
      </form>
      <ErrorNotice error={error} />
      <div aria-live="polite">
        {result ? (
          <section aria-labelledby="knowledge-results">
            <h2 id="knowledge-results">{t('knowledge.search.results', { count: result.passages.length })}</h2>
            {result.notices.map((notice, index) => (
              <Notice key={index} kind="info">
                {pick(notice, i18n.language)}
              </Notice>
            ))}
            {result.passages.length === 0 ? (
              <p>{t('knowledge.search.nothingFound')}</p>
            ) : (
              <ol className="knowledge-results">
                {result.passages.map((passage) => (
                  <li key={passage.chunkId}>
                    <h3>
                      <Link to={`/wissen/stelle/${passage.chunkId}`}>{passage.source}</Link>
                    </h3>
                    <p className="muted">
                      {locationOf(t, passage)}
                      {' · '}
                      {passage.matchedBy.map((how) => t(`knowledge.search.matchedBy.${how}`)).join(', ')}
                    </p>
                    <p>{passage.text.length > 400 ? `${passage.text.slice(0, 400)} …` : passage.text}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ) : null}
      </div>
    </Page>
  );
}
