import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { dataClasses, previewPrompt, type DataClass, type GuardPreview } from '../guard/guard-api';
import { HighlightedText, ReplacementList } from '../guard/guard-findings';
import type { WorkspaceModel } from './workspace-api';

type Pending = { preview: GuardPreview; text: string; model: WorkspaceModel; resolve(send: boolean): void };

/**
 * Before a prompt leaves the own infrastructure, asks the guard what would happen (RIGHTS-2): nothing
 * to replace → send; personal data → show the replacements and ask; blocked → explain. `confirm`
 * resolves true when the prompt may be sent; `dialog` is the modal to render.
 */
export function useGuardCheck(): { confirm(input: { orgId: string; model: WorkspaceModel | undefined; text: string; dataClass: DataClass; context: string[] }): Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending>();
  const confirm = useCallback(async ({ orgId, model, text, dataClass, context }: { orgId: string; model: WorkspaceModel | undefined; text: string; dataClass: DataClass; context: string[] }) => {
    // Own infrastructure: the data does not leave; the gateway still applies the organisation's settings.
    if (!model || model.zone === 'own') return true;
    const preview = await previewPrompt({ orgId, model: model.id, text, dataClass, context });
    if (preview.action === 'pass') return true;
    return new Promise<boolean>((resolve) => setPending({ preview, text, model, resolve }));
  }, []);
  const close = (send: boolean) => {
    pending?.resolve(send);
    setPending(undefined);
  };
  return { confirm, dialog: pending ? <GuardPreviewDialog {...pending} onClose={close} /> : null };
}

/** A native modal dialog: the page behind is inert (focus stays inside), Escape edits, focus returns to where it was. */
function GuardPreviewDialog({ preview, text, model, onClose }: Pending & { onClose(send: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const element = dialog.current;
    element?.showModal();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);
  const blocked = preview.action === 'block';
  const zone = t(`workspace.model.zone.${model.zone}`, { defaultValue: model.zone });
  return (
    <dialog
      ref={dialog}
      className="guard-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={`${id}-title`}>{blocked ? t('guard.preview.blockedTitle') : t('guard.preview.title')}</h2>
      {blocked ? (
        <div id={`${id}-intro`}>
          <Notice kind="error">
            <p>{preview.detail}</p>
          </Notice>
          <p>{t('guard.preview.blockedHint', { model: model.name, zone })}</p>
        </div>
      ) : (
        <p id={`${id}-intro`}>{t('guard.preview.intro', { model: model.name, zone })}</p>
      )}
      {preview.findings.length > 0 ? <HighlightedText text={text} findings={preview.findings} label={t('guard.preview.yourMessage')} /> : null}
      <ReplacementList text={text} findings={blocked ? preview.findings.filter((found) => found.type === 'special_category') : preview.findings} />
      {blocked ? null : <p className="hint">{t('guard.preview.restoreHint')}</p>}
      <div className="button-row">
        {blocked ? null : (
          <button type="button" className="primary" onClick={() => onClose(true)} autoFocus>
            {t('guard.preview.send')}
          </button>
        )}
        <button type="button" onClick={() => onClose(false)} autoFocus={blocked}>
          {t('guard.preview.edit')}
        </button>
      </div>
    </dialog>
  );
}

const storageKey = (conversationId: string) => `leitplanke.dataClass.${conversationId}`;

/** The data class a person chose for a conversation (kept in this browser tab); `adopt` carries a new conversation's choice to its id. */
export function useConversationDataClass(conversationId: string | undefined): [DataClass, (value: DataClass) => void, (newId: string) => void] {
  const [chosen, setChosen] = useState<Record<string, DataClass>>({});
  const key = conversationId ?? '';
  const stored = conversationId ? (sessionStorage.getItem(storageKey(conversationId)) as DataClass | null) : null;
  const value = chosen[key] ?? (stored && dataClasses.includes(stored) ? stored : 'internal');
  const set = (next: DataClass) => {
    if (conversationId) sessionStorage.setItem(storageKey(conversationId), next);
    setChosen((current) => ({ ...current, [key]: next }));
  };
  const adopt = (newId: string) => {
    sessionStorage.setItem(storageKey(newId), value);
    setChosen((current) => ({ ...current, [newId]: value }));
  };
  return [value, set, adopt];
}

export function DataClassField({ value, onChange }: { value: DataClass; onChange(value: DataClass): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('guard.dataClass.label')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as DataClass)} aria-describedby={`${id}-hint`}>
        {dataClasses.map((entry) => (
          <option key={entry} value={entry}>
            {t(`guard.dataClass.${entry}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t(`guard.dataClass.hint.${value}`)}
      </p>
    </div>
  );
}
