import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { CheckboxGroup, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import type { Assistant, AssistantListing, WorkspaceModel } from './workspace-api';
import './workspace.css';

type Draft = { name: string; description: string; systemPrompt: string; modelId: string; knowledgeCollectionIds: string[]; exampleInputs: string; needsVision: boolean };
const emptyDraft: Draft = { name: '', description: '', systemPrompt: '', modelId: '', knowledgeCollectionIds: [], exampleInputs: '', needsVision: false };

const toDraft = (assistant: Assistant): Draft => ({
  name: assistant.name,
  description: assistant.description,
  systemPrompt: assistant.systemPrompt,
  modelId: assistant.modelId ?? '',
  knowledgeCollectionIds: assistant.knowledgeCollectionIds,
  exampleInputs: assistant.exampleInputs.join('\n'),
  needsVision: assistant.needsVision,
});

const toBody = (draft: Draft) => ({
  name: draft.name,
  description: draft.description,
  systemPrompt: draft.systemPrompt,
  modelId: draft.modelId || null,
  knowledgeCollectionIds: draft.knowledgeCollectionIds,
  exampleInputs: draft.exampleInputs
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
  needsVision: draft.needsVision,
});

/** Organisation-wide assistants: use them, and (staff, admins) write and change them. */
export default function AssistantsPage() {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const listing = useResource<AssistantListing>(currentOrg ? `/api/workspace/assistants?orgId=${currentOrg.id}` : undefined);
  const models = useResource<WorkspaceModel[]>(currentOrg ? `/api/workspace/models?orgId=${currentOrg.id}` : undefined);
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();

  async function save(draft: Draft, assistant?: Assistant) {
    setError(undefined);
    setNotice('');
    try {
      if (assistant) await api(`/api/workspace/assistants/${assistant.id}`, { method: 'PATCH', body: toBody(draft) });
      else await api('/api/workspace/assistants', { method: 'POST', body: { orgId: currentOrg!.id, ...toBody(draft) } });
      setNotice(t(assistant ? 'workspace.assistants.saved' : 'workspace.assistants.created', { name: draft.name }));
      setEditing(undefined);
      listing.reload();
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    }
  }

  async function remove(assistant: Assistant) {
    if (!window.confirm(t('workspace.assistants.confirmDelete', { name: assistant.name }))) return;
    try {
      await api(`/api/workspace/assistants/${assistant.id}`, { method: 'DELETE' });
      setNotice(t('workspace.assistants.deleted', { name: assistant.name }));
      listing.reload();
    } catch (reason) {
      setError(reason);
    }
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('workspace.assistants.title')} intro={t('workspace.assistants.intro', { org: currentOrg.name })}>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorNotice error={error ?? listing.error} />
      {listing.loading ? <p role="status">{t('app.loading')}</p> : null}
      <ul className="assistant-list">
        {(listing.data?.assistants ?? []).map((assistant) => (
          <li key={assistant.id} className="panel">
            <h2>{assistant.name}</h2>
            <p>{assistant.description}</p>
            {!assistant.available ? <p className="notice notice-info">{t('workspace.assistants.needsVision')}</p> : null}
            <dl className="facts">
              <dt>{t('workspace.assistants.model')}</dt>
              <dd>{assistant.modelId ? (models.data?.find((model) => model.id === assistant.modelId)?.name ?? assistant.modelId) : t('workspace.assistants.defaultModel')}</dd>
              {assistant.knowledgeCollectionIds.length > 0 ? (
                <>
                  <dt>{t('workspace.assistants.knowledge')}</dt>
                  <dd>{assistant.knowledgeCollectionIds.map((id) => listing.data?.collections.find((collection) => collection.id === id)?.name ?? id).join(', ')}</dd>
                </>
              ) : null}
              {assistant.starterKey ? (
                <>
                  <dt>{t('workspace.assistants.origin')}</dt>
                  <dd>{t('workspace.assistants.shipped')}</dd>
                </>
              ) : null}
            </dl>
            <details>
              <summary>{t('workspace.assistants.showPrompt')}</summary>
              <p className="prompt-text">{assistant.systemPrompt}</p>
              {assistant.exampleInputs.length > 0 ? (
                <>
                  <h3>{t('workspace.assistants.examples')}</h3>
                  <ul>
                    {assistant.exampleInputs.map((example) => (
                      <li key={example}>{example}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </details>
            <div className="button-row">
              {assistant.available ? (
                <Link to={`/chat?assistent=${assistant.id}`} className="button primary">
                  {t('workspace.assistants.use')}
                  <span className="visually-hidden">: {assistant.name}</span>
                </Link>
              ) : null}
              {assistant.canManage ? (
                <>
                  <button type="button" aria-expanded={editing === assistant.id} onClick={() => setEditing(editing === assistant.id ? undefined : assistant.id)}>
                    {t('workspace.assistants.edit')}
                    <span className="visually-hidden">: {assistant.name}</span>
                  </button>
                  <button type="button" onClick={() => void remove(assistant)}>
                    {assistant.starterKey ? t('workspace.assistants.hide') : t('app.delete')}
                    <span className="visually-hidden">: {assistant.name}</span>
                  </button>
                </>
              ) : null}
            </div>
            {editing === assistant.id ? (
              <AssistantForm initial={toDraft(assistant)} models={models.data ?? []} collections={listing.data?.collections ?? []} submitLabel={t('app.save')} error={error} onSubmit={(draft) => save(draft, assistant)} />
            ) : null}
          </li>
        ))}
      </ul>
      {listing.data?.canCreate ? (
        <section aria-labelledby="new-assistant" className="panel">
          <h2 id="new-assistant">{t('workspace.assistants.create')}</h2>
          <AssistantForm initial={emptyDraft} models={models.data ?? []} collections={listing.data.collections} submitLabel={t('workspace.assistants.createButton')} error={error} onSubmit={(draft) => save(draft)} />
        </section>
      ) : null}
    </Page>
  );
}

function AssistantForm({ initial, models, collections, submitLabel, error, onSubmit }: { initial: Draft; models: WorkspaceModel[]; collections: { id: string; name: string }[]; submitLabel: string; error: unknown; onSubmit(draft: Draft): Promise<boolean> }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ((await onSubmit(draft)) && initial === emptyDraft) setDraft(emptyDraft);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="assistant-form">
      <TextField label={t('workspace.assistants.name')} required maxLength={120} value={draft.name} onChange={(event) => set('name', event.target.value)} error={fieldErrors.name} />
      <TextField label={t('workspace.assistants.description')} maxLength={500} value={draft.description} onChange={(event) => set('description', event.target.value)} />
      <div className="field">
        <label htmlFor={`${id}-prompt`}>
          {t('workspace.assistants.systemPrompt')}
          <span className="required"> ({t('app.required')})</span>
        </label>
        <p className="hint" id={`${id}-prompt-hint`}>
          {t('workspace.assistants.systemPromptHint')}
        </p>
        <textarea id={`${id}-prompt`} required rows={8} value={draft.systemPrompt} aria-describedby={`${id}-prompt-hint`} onChange={(event) => set('systemPrompt', event.target.value)} />
      </div>
      <SelectField label={t('workspace.assistants.model')} value={draft.modelId} onChange={(event) => set('modelId', event.target.value)}>
        <option value="">{t('workspace.assistants.defaultModel')}</option>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name}
          </option>
        ))}
      </SelectField>
      {collections.length > 0 ? (
        <CheckboxGroup legend={t('workspace.assistants.knowledge')} options={collections.map((collection) => ({ value: collection.id, label: collection.name }))} value={draft.knowledgeCollectionIds} onChange={(next) => set('knowledgeCollectionIds', next)} />
      ) : (
        <p className="hint">{t('workspace.assistants.noCollections')}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-examples`}>{t('workspace.assistants.examples')}</label>
        <p className="hint" id={`${id}-examples-hint`}>
          {t('workspace.assistants.examplesHint')}
        </p>
        <textarea id={`${id}-examples`} rows={3} value={draft.exampleInputs} aria-describedby={`${id}-examples-hint`} onChange={(event) => set('exampleInputs', event.target.value)} />
      </div>
      <div className="checkbox">
        <input type="checkbox" id={`${id}-vision`} checked={draft.needsVision} onChange={(event) => set('needsVision', event.target.checked)} />
        <label htmlFor={`${id}-vision`}>{t('workspace.assistants.needsVisionField')}</label>
      </div>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
