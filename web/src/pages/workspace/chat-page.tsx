import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { ConversationList } from './conversation-list';
import { EnergyFigures } from './footprint';
import { DataClassField, useConversationDataClass, useGuardCheck } from './guard-preview';
import { MessageView } from './message-view';
import { ModelPicker } from './model-picker';
import { useStreamAnnouncer } from './use-announcer';
import { prefersReducedMotion, streamEvents, type Assistant, type AssistantListing, type Attachment, type ChatEvent, type Citation, type Conversation, type ConversationDetail, type Message, type WorkspaceModel } from './workspace-api';
import './workspace.css';

type Streaming = { showUntil: number; question: Message; text: string; citations: Citation[]; knowledgeOutcome: Message['knowledgeOutcome']; modelName: string };
const ANNOUNCE_KEY = 'leitplanke.announceAnswers';
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function pendingMessage(role: 'user' | 'assistant', content: string, position: number, attachments: Attachment[] = []): Message {
  return { id: `pending-${role}`, position, role, content, attachments, status: 'complete', modelId: null, label: null, provenanceId: null, tokensIn: null, tokensOut: null, energyWh: null, co2eGrams: null, citations: [], knowledgeOutcome: null, createdAt: new Date().toISOString() };
}

export default function ChatPage() {
  const { t } = useTranslation();
  const { session, currentOrg } = useSession();
  const [params, setParams] = useSearchParams();
  const conversationId = params.get('c') ?? undefined;
  const [search, setSearch] = useState('');
  const conversations = useResource<Conversation[]>(`/api/workspace/conversations${search ? `?q=${encodeURIComponent(search)}` : ''}`);
  const models = useResource<WorkspaceModel[]>(currentOrg ? `/api/workspace/models?orgId=${currentOrg.id}` : undefined);
  const assistants = useResource<AssistantListing>(currentOrg ? `/api/workspace/assistants?orgId=${currentOrg.id}` : undefined);
  const [detail, setDetail] = useState<ConversationDetail>();
  const [pickedAssistant, setChosenAssistant] = useState<string>();
  const [pickedModel, setPickedModel] = useState<{ conversation: string | undefined; id: string }>();
  const [draft, setDraft] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [streaming, setStreaming] = useState<Streaming>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState('');
  const [announceMode, setAnnounceMode] = useState<'sentences' | 'complete'>(() => (localStorage.getItem(ANNOUNCE_KEY) === 'complete' ? 'complete' : 'sentences'));
  const announcer = useStreamAnnouncer(announceMode);
  const controller = useRef<AbortController | undefined>(undefined);
  const endOfThread = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const guard = useGuardCheck();
  const [dataClass, setDataClass, adoptDataClass] = useConversationDataClass(conversationId);
  /** True when the prompt may go to the model: own servers, nothing to replace, or the person confirmed the replacements. */
  const guardAllows = (text: string, before: Message[]) =>
    guard.confirm({ orgId: currentOrg?.id ?? '', model: currentModel, text, dataClass, context: before.map((message) => message.content) }).catch((reason: unknown) => (setError(reason), false));

  const loadDetail = useCallback(async (id: string | undefined) => {
    if (!id) {
      setDetail(undefined);
      return;
    }
    try {
      setDetail(await api<ConversationDetail>(`/api/workspace/conversations/${id}`));
    } catch (reason) {
      setError(reason);
      setDetail(undefined);
    }
  }, []);

  const chosenAssistant = pickedAssistant ?? params.get('assistent') ?? '';
  useEffect(() => {
    if (controller.current) return; // the running answer reloads when it ends
    void loadDetail(conversationId);
    setRenaming(false);
  }, [conversationId, loadDetail]);

  const assistantId = detail?.assistantId ?? (conversationId ? '' : chosenAssistant);
  const assistant: Assistant | undefined = assistants.data?.assistants.find((entry) => entry.id === assistantId);
  const usable = models.data ?? [];

  // The model: picked here, else what this conversation used last, else the assistant's, else the first allowed one.
  const allowed = (id: string | null | undefined): id is string => !!id && usable.some((model) => model.id === id);
  const modelId = [pickedModel?.conversation === conversationId ? pickedModel?.id : undefined, detail?.modelId, assistant?.modelId, usable[0]?.id].find(allowed) ?? '';
  const setModelId = (id: string) => setPickedModel({ conversation: conversationId, id });
  const currentModel = usable.find((model) => model.id === modelId);

  const busy = !!streaming;

  function scrollToEnd() {
    const near = window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
    if (near) endOfThread.current?.scrollIntoView({ block: 'end', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  /** Streams one answer; `showUntil` hides the turns the server replaces (regenerate, edit). */
  async function run(path: string, method: 'POST' | 'PUT', body: Record<string, unknown>, question: Message, showUntil: number, restoreDraft?: string) {
    setError(undefined);
    setNotice('');
    const abort = new AbortController();
    controller.current = abort;
    let modelName = currentModel?.name ?? '';
    setStreaming({ showUntil, question, text: '', citations: [], knowledgeOutcome: null, modelName });
    announcer.start(t('workspace.chat.announceStart', { model: modelName }));
    let text = '';
    let started = false;
    let nothingFound = false;
    try {
      await streamEvents<ChatEvent>(
        path,
        body,
        session?.csrfToken,
        abort.signal,
        (event) => {
          if (event.type === 'start') {
            started = true;
            modelName = event.model.name;
            setStreaming((current) => current && { ...current, question: event.userMessage, modelName: event.model.name });
          } else if (event.type === 'citations') {
            setStreaming((current) => current && { ...current, citations: event.citations });
          } else if (event.type === 'knowledge') {
            nothingFound = event.outcome === 'nothing_found';
            setStreaming((current) => current && { ...current, knowledgeOutcome: event.outcome });
            // Said with the start notice, so the one does not cut off the other.
            announcer.say(`${t('workspace.chat.announceStart', { model: modelName })} ${t('workspace.chat.nothingFound')}`);
          } else if (event.type === 'delta') {
            text += event.text;
            setStreaming((current) => current && { ...current, text });
            announcer.update(text);
            scrollToEnd();
          } else if (event.type === 'done') {
            // Repeats the 'nothing found' note: a short answer can replace the first notice before it is read.
            announcer.finish(text, [t('workspace.chat.announceDone'), nothingFound ? t('workspace.chat.nothingFound') : ''].filter(Boolean).join(' '));
          } else if (event.type === 'error') {
            setError(new ApiError(event.error));
            announcer.say(event.error.detail);
          }
        },
        method,
      );
    } catch (reason) {
      if (abort.signal.aborted) {
        announcer.say(t('workspace.chat.announceStopped'));
        // The server keeps what arrived; give it a moment to save before reloading.
        await new Promise((resolve) => setTimeout(resolve, 400));
      } else {
        setError(reason);
        if (reason instanceof ApiError) announcer.say(reason.problem.detail);
        if (!started && restoreDraft !== undefined) setDraft(restoreDraft);
      }
    } finally {
      controller.current = undefined;
      const id = path.split('/')[4];
      await loadDetail(id);
      setStreaming(undefined);
      conversations.reload();
    }
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const content = draft.trim();
    if (!content || busy || !currentOrg) return;
    if (!(await guardAllows(content, detail?.messages ?? []))) return;
    let id = conversationId;
    try {
      if (!id) {
        const created = await api<Conversation>('/api/workspace/conversations', { method: 'POST', body: { orgId: currentOrg.id, ...(assistantId ? { assistantId } : {}), ...(modelId ? { modelId } : {}) } });
        id = created.id;
        adoptDataClass(id);
        controller.current = new AbortController();
        setParams({ c: id }, { replace: true });
      }
    } catch (reason) {
      setError(reason);
      return;
    }
    const sent = attachments;
    setDraft('');
    setAttachments([]);
    const position = (detail?.messages.at(-1)?.position ?? -1) + 1;
    await run(`/api/workspace/conversations/${id}/messages`, 'POST', { content, dataClass, ...(modelId ? { modelId } : {}), ...(sent.length ? { attachments: sent } : {}) }, pendingMessage('user', content, position, sent), Infinity, content);
    composer.current?.focus();
  }

  async function regenerate() {
    const question = detail?.messages.findLast((message) => message.role === 'user');
    if (!detail || !question || busy) return;
    if (!(await guardAllows(question.content, detail.messages.filter((message) => message.position < question.position)))) return;
    await run(`/api/workspace/conversations/${detail.id}/regenerate`, 'POST', { dataClass, ...(modelId ? { modelId } : {}) }, question, question.position);
  }

  async function edit(message: Message, content: string) {
    if (!detail || busy) return;
    if (!(await guardAllows(content, detail.messages.filter((entry) => entry.position < message.position)))) return;
    await run(`/api/workspace/conversations/${detail.id}/messages/${message.id}`, 'PUT', { content, dataClass, ...(modelId ? { modelId } : {}) }, { ...message, content }, message.position);
  }

  function stop() {
    controller.current?.abort();
  }

  function onComposerKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape' && busy) {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  async function attach(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) {
      if (!/^image\/(png|jpeg|webp|gif)$/.test(file.type) || file.size > MAX_IMAGE_BYTES) {
        setError(new Error(t('workspace.chat.imageRejected', { name: file.name })));
        continue;
      }
      const dataUrl = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsDataURL(file);
      });
      setAttachments((current) => [...current, { kind: 'image', mediaType: file.type, dataUrl, name: file.name }]);
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!detail || !title.trim()) return;
    try {
      await api(`/api/workspace/conversations/${detail.id}`, { method: 'PATCH', body: { title: title.trim() } });
      setRenaming(false);
      setNotice(t('workspace.chat.renamed', { title: title.trim() }));
      await loadDetail(detail.id);
      conversations.reload();
    } catch (reason) {
      setError(reason);
    }
  }

  async function remove() {
    if (!detail || !window.confirm(t('workspace.chat.confirmDelete', { title: detail.title || t('workspace.chat.untitled') }))) return;
    try {
      await api(`/api/workspace/conversations/${detail.id}`, { method: 'DELETE' });
      setNotice(t('workspace.chat.deleted'));
      setParams({}, { replace: true });
      setDetail(undefined);
      conversations.reload();
    } catch (reason) {
      setError(reason);
    }
  }

  function setAnnounce(mode: 'sentences' | 'complete') {
    localStorage.setItem(ANNOUNCE_KEY, mode);
    setAnnounceMode(mode);
  }

  const messages = (detail?.messages ?? []).filter((message) => !streaming || message.position < streaming.showUntil);
  const lastAnswer = detail?.messages.at(-1)?.role === 'assistant' ? detail.messages.at(-1) : undefined;
  const heading = detail ? detail.title || t('workspace.chat.untitled') : t('workspace.chat.newConversation');
  const noModels = models.data && models.data.length === 0;

  return (
    <Page title={t('workspace.chat.title')}>
      <div className="chat-layout">
        <ConversationList conversations={conversations.data} currentId={conversationId} onSearch={setSearch} search={search} />
        <section className="chat-main" aria-labelledby={`${ids}-title`}>
          <div className="chat-head">
            <h2 id={`${ids}-title`}>{heading}</h2>
            {detail && !renaming ? (
              <div className="button-row">
                <button
                  type="button"
                  onClick={() => {
                    setTitle(detail.title);
                    setRenaming(true);
                  }}
                  disabled={busy}
                >
                  {t('workspace.chat.rename')}
                </button>
                <button type="button" onClick={() => void remove()} disabled={busy}>
                  {t('workspace.chat.delete')}
                </button>
              </div>
            ) : null}
          </div>
          {renaming ? (
            <form onSubmit={(event) => void rename(event)} className="inline-form">
              <label htmlFor={`${ids}-rename`}>{t('workspace.chat.newTitle')}</label>
              <input id={`${ids}-rename`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} autoFocus />
              <button type="submit" className="primary">
                {t('app.save')}
              </button>
              <button type="button" onClick={() => setRenaming(false)}>
                {t('app.cancel')}
              </button>
            </form>
          ) : null}
          {assistant ? (
            <p className="muted assistant-line">
              {t('workspace.chat.withAssistant', { name: assistant.name })} {assistant.description}
            </p>
          ) : null}
          {detail && detail.footprint.calls > 0 ? (
            <p className="muted footprint">
              {t('workspace.chat.footprint', { count: detail.footprint.calls })} <EnergyFigures wh={detail.footprint.energyWh} co2eGrams={detail.footprint.co2eGrams} />
            </p>
          ) : null}
          {notice ? <Notice kind="success">{notice}</Notice> : null}
          <ErrorNotice error={error ?? models.error} />

          {!conversationId && !streaming ? (
            <NewConversationIntro assistants={assistants.data?.assistants ?? []} chosen={chosenAssistant} onChoose={setChosenAssistant} assistant={assistant} onExample={(text) => {
              setDraft(text);
              composer.current?.focus();
            }} />
          ) : null}

          <ol className="thread" aria-label={t('workspace.chat.thread')}>
            {messages.map((message) => (
              <MessageView key={message.id} message={message} busy={busy} canRegenerate={message.id === lastAnswer?.id} onEdit={(target, content) => void edit(target, content)} onRegenerate={() => void regenerate()} />
            ))}
            {streaming ? (
              <>
                <MessageView message={streaming.question} busy onEdit={() => undefined} onRegenerate={() => undefined} canRegenerate={false} />
                <MessageView message={{ ...pendingMessage('assistant', streaming.text, streaming.question.position + 1), citations: streaming.citations, knowledgeOutcome: streaming.knowledgeOutcome }} streaming busy onEdit={() => undefined} onRegenerate={() => undefined} canRegenerate={false} />
              </>
            ) : null}
          </ol>
          <div ref={endOfThread} />

          {noModels ? (
            <Notice kind="info">{t('workspace.chat.noModels')}</Notice>
          ) : (
            <form className="composer" onSubmit={(event) => void send(event)}>
              <ModelPicker models={usable} value={modelId} onChange={setModelId} />
              <DataClassField value={dataClass} onChange={setDataClass} />
              <div className="field">
                <label htmlFor={`${ids}-input`}>{t('workspace.chat.input')}</label>
                <p className="hint" id={`${ids}-hint`}>
                  {t('workspace.chat.inputHint')}
                </p>
                <textarea ref={composer} id={`${ids}-input`} aria-describedby={`${ids}-hint`} rows={4} value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onComposerKey} />
              </div>
              {currentModel?.vision ? (
                <div className="field">
                  <label htmlFor={`${ids}-image`}>{t('workspace.chat.attachImage')}</label>
                  <input id={`${ids}-image`} type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={(event) => void attach(event)} />
                  {attachments.length > 0 ? (
                    <ul className="attachment-list">
                      {attachments.map((attachment) => (
                        <li key={attachment.name}>
                          {attachment.name}{' '}
                          <button type="button" onClick={() => setAttachments((current) => current.filter((entry) => entry !== attachment))}>
                            {t('workspace.chat.removeImage', { name: attachment.name })}
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : null}
              <div className="button-row composer-actions">
                {/* One button that turns into "stop", so keyboard focus stays where it is. */}
                <button type={busy ? 'button' : 'submit'} className={busy ? undefined : 'primary'} onClick={busy ? stop : undefined} disabled={!busy && (!draft.trim() || !modelId)}>
                  {busy ? t('workspace.chat.stop') : t('workspace.chat.send')}
                </button>
                <Link to="/hilfe">{t('workspace.chat.helpLink')}</Link>
              </div>
              <fieldset className="announce-mode">
                <legend>{t('workspace.chat.announceLegend')}</legend>
                <div className="checkbox">
                  <input type="radio" id={`${ids}-sentences`} name="announce" checked={announceMode === 'sentences'} onChange={() => setAnnounce('sentences')} />
                  <label htmlFor={`${ids}-sentences`}>{t('workspace.chat.announceSentences')}</label>
                </div>
                <div className="checkbox">
                  <input type="radio" id={`${ids}-complete`} name="announce" checked={announceMode === 'complete'} onChange={() => setAnnounce('complete')} />
                  <label htmlFor={`${ids}-complete`}>{t('workspace.chat.announceComplete')}</label>
                </div>
              </fieldset>
            </form>
          )}
          {guard.dialog}
          <div role="status" aria-live="polite" className="visually-hidden" data-testid="answer-announcer">
            {announcer.message}
          </div>
        </section>
      </div>
    </Page>
  );
}

function NewConversationIntro({ assistants, chosen, onChoose, assistant, onExample }: { assistants: Assistant[]; chosen: string; onChoose(id: string): void; assistant: Assistant | undefined; onExample(text: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="new-conversation">
      <div className="field">
        <label htmlFor={id}>{t('workspace.chat.assistant')}</label>
        <select id={id} value={chosen} onChange={(event) => onChoose(event.target.value)}>
          <option value="">{t('workspace.chat.noAssistant')}</option>
          {assistants
            .filter((entry) => entry.available)
            .map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
        </select>
      </div>
      {assistant && assistant.exampleInputs.length > 0 ? (
        <div>
          <h3>{t('workspace.chat.examples')}</h3>
          <ul className="examples">
            {assistant.exampleInputs.map((example) => (
              <li key={example}>
                <button type="button" className="example" onClick={() => onExample(example)}>
                  {example}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
