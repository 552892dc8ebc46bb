import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { TextAreaField, TextField } from '../../components/field';
import { Notice } from '../../components/notice';
import type { GuidelineList, Guidelines } from './workspace-api';

type Draft = { key: number; de: string; en: string };
type Drafts = Record<GuidelineList, Draft[]>;

const listNames: GuidelineList[] = ['dos', 'donts', 'privacy'];
/** Where the shipped texts live, for starting from Leitplanke's defaults. */
const defaultKeys: Record<GuidelineList, string> = { dos: 'workspace.help.do', donts: 'workspace.help.dont', privacy: 'workspace.help.privacyDefault' };

let nextKey = 1;
const draft = (de: string, en: string): Draft => ({ key: nextKey++, de, en });

/**
 * ACCESS-3: admins and data-protection officers write the organisation's AI guidelines. Items are added
 * and removed by keyboard; focus moves to the new item or the next one, and a status line says what happened.
 */
export function GuidelinesForm({ guidelines, orgName, onSaved }: { guidelines: Guidelines; orgName: string; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(guidelines, (language, key) => i18n.getFixedT(language)(key, { returnObjects: true }) as unknown));
  const [documentUrl, setDocumentUrl] = useState(guidelines.source === 'default' ? '' : (guidelines.documentUrl ?? ''));
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>();
  /** Where focus goes once the list has re-rendered after adding or removing an item. */
  const focusTarget = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!focusTarget.current) return;
    formRef.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget.current}"]`)?.focus();
    focusTarget.current = undefined;
  });

  const listLabel = (list: GuidelineList) => t(`workspace.help.edit.lists.${list}`);

  function change(list: GuidelineList, key: number, patch: Partial<Draft>) {
    setDrafts((current) => ({ ...current, [list]: current[list].map((item) => (item.key === key ? { ...item, ...patch } : item)) }));
  }

  function add(list: GuidelineList) {
    const item = draft('', '');
    setDrafts((current) => ({ ...current, [list]: [...current[list], item] }));
    setStatus(t('workspace.help.edit.added', { n: drafts[list].length + 1, list: listLabel(list) }));
    focusTarget.current = `${list}-${item.key}`;
  }

  function remove(list: GuidelineList, index: number) {
    const rest = drafts[list].filter((_, position) => position !== index);
    setDrafts((current) => ({ ...current, [list]: rest }));
    setStatus(t('workspace.help.edit.removed', { n: index + 1, list: listLabel(list) }));
    const next = rest[index] ?? rest[index - 1];
    focusTarget.current = next ? `${list}-${next.key}` : `${list}-add`;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice('');
    const body = {
      ...Object.fromEntries(listNames.map((list) => [list, drafts[list].map((item) => ({ de: item.de, en: item.en.trim() ? item.en : null }))])),
      documentUrl: documentUrl.trim() ? documentUrl.trim() : null,
    };
    try {
      await api(`/api/workspace/guidelines/${guidelines.orgId}`, { method: 'PUT', body });
      setNotice(t('workspace.help.edit.saved'));
      onSaved();
    } catch (reason) {
      setError(reason);
    }
  }

  async function reset() {
    setError(undefined);
    setNotice('');
    try {
      await api(`/api/workspace/guidelines/${guidelines.orgId}`, { method: 'DELETE' });
      setNotice(t('workspace.help.edit.resetDone'));
      onSaved();
    } catch (reason) {
      setError(reason);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const errorLabel = (path: string) => {
    const match = /^(dos|donts|privacy)\.(\d+)\.(de|en)$/.exec(path);
    if (!match) return path === 'documentUrl' ? t('workspace.help.edit.documentUrl') : path;
    const [, list, index, language] = match;
    return t(language === 'de' ? 'workspace.help.edit.fieldDe' : 'workspace.help.edit.fieldEn', { list: listLabel(list as GuidelineList), n: Number(index) + 1 });
  };

  return (
    <form ref={formRef} onSubmit={(event) => void save(event)} className="guidelines-form" noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('workspace.help.edit.intro', { org: orgName })}</p>
      {guidelines.source === 'default' ? <p className="hint">{t('workspace.help.edit.fromDefaults')}</p> : null}
      {guidelines.source === 'inherited' ? <p className="hint">{t('workspace.help.edit.fromInherited', { from: guidelines.setBy?.name })}</p> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {error ? (
        <Notice kind="error">
          <p>{error instanceof ApiError ? error.problem.detail : String(error)}</p>
          {Object.keys(fieldErrors).length > 0 ? (
            <>
              <p>{t('workspace.help.edit.invalid')}</p>
              <ul>
                {Object.entries(fieldErrors).map(([path, message]) => (
                  <li key={path}>
                    {errorLabel(path)}: {message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
      {listNames.map((list) => (
        <fieldset key={list} className="guideline-list">
          <legend>{listLabel(list)}</legend>
          {drafts[list].length === 0 ? <p className="muted">{t('workspace.help.edit.none')}</p> : null}
          <ol>
            {drafts[list].map((item, index) => (
              <li key={item.key}>
                <TextAreaField
                  label={t('workspace.help.edit.itemDe', { n: index + 1 })}
                  required
                  lang="de"
                  rows={2}
                  maxLength={1000}
                  value={item.de}
                  error={fieldErrors[`${list}.${index}.de`]}
                  onChange={(event) => change(list, item.key, { de: event.target.value })}
                  data-focus={`${list}-${item.key}`}
                />
                <TextAreaField
                  label={t('workspace.help.edit.itemEn', { n: index + 1 })}
                  lang="en"
                  rows={2}
                  maxLength={1000}
                  value={item.en}
                  error={fieldErrors[`${list}.${index}.en`]}
                  onChange={(event) => change(list, item.key, { en: event.target.value })}
                />
                <button type="button" onClick={() => remove(list, index)}>
                  {t('workspace.help.edit.remove', { n: index + 1, list: listLabel(list) })}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => add(list)} data-focus={`${list}-add`}>
            {t('workspace.help.edit.add', { list: listLabel(list) })}
          </button>
        </fieldset>
      ))}
      <TextField
        label={t('workspace.help.edit.documentUrl')}
        hint={t('workspace.help.edit.documentUrlHint')}
        type="url"
        inputMode="url"
        value={documentUrl}
        error={fieldErrors.documentUrl}
        onChange={(event) => setDocumentUrl(event.target.value)}
      />
      <p role="status" className="visually-hidden">
        {status}
      </p>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('workspace.help.edit.save')}
        </button>
        {guidelines.source === 'own' ? (
          <button type="button" onClick={() => void reset()} aria-describedby={`${id}-reset`}>
            {t('workspace.help.edit.reset')}
          </button>
        ) : null}
      </div>
      {guidelines.source === 'own' ? (
        <p id={`${id}-reset`} className="hint">
          {t('workspace.help.edit.resetHint')}
        </p>
      ) : null}
    </form>
  );
}

/** Own or inherited guidelines as they are; otherwise the shipped texts, German and English side by side. */
function initialDrafts(guidelines: Guidelines, shipped: (language: 'de' | 'en', key: string) => unknown): Drafts {
  if (guidelines.source !== 'default') {
    return Object.fromEntries(listNames.map((list) => [list, guidelines[list].map((item) => draft(item.de, item.en ?? ''))])) as Drafts;
  }
  return Object.fromEntries(
    listNames.map((list) => {
      const german = asList(shipped('de', defaultKeys[list]));
      const english = asList(shipped('en', defaultKeys[list]));
      return [list, german.map((de, index) => draft(de, english[index] ?? ''))];
    }),
  ) as Drafts;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);
