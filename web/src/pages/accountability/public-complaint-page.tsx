import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { CopyBox } from '../../components/copy-box';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { formatDate } from '../../i18n';
import { FileField, filesForApi, formatBytes, TextAreaField } from './accountability-shared';
import { complaintCategories } from './complaint-types';
import { solveChallenge } from './proof-of-work';
import './accountability.css';

type FormInfo = {
  organisation: { slug: string; name: string };
  acknowledgeDays: number;
  decisionDays: number;
  dayCount: 'calendar' | 'working';
  maxAttachmentBytes: number;
  maxAttachments: number;
  acceptedTypes: string[];
  emailNotifications: boolean;
};
type Submitted = { caseNumber: string; token: string; statusPath: string; acknowledgeDueDate: string; decisionDueDate: string; emailSent: boolean };
type Solved = { challenge: string; nonce: string };

const empty = { category: 'ai_content', subject: '', description: '', contactName: '', contactEmail: '', website: '' };

/** Starts solving a fresh challenge at once, so that sending the form rarely waits for it. */
function useSolvedChallenge() {
  const pending = useRef<Promise<Solved>>(undefined);
  const renew = () => {
    const controller = new AbortController();
    pending.current = api<{ challenge: string; bits: number }>('/api/public/complaints/challenge').then(async ({ challenge, bits }) => ({ challenge, nonce: await solveChallenge(challenge, bits, controller.signal) }));
    pending.current.catch(() => undefined);
    return controller;
  };
  useEffect(() => {
    const controller = renew();
    return () => controller.abort();
  }, []);
  return {
    async take(): Promise<Solved> {
      if (!pending.current) renew();
      const solved = await pending.current!;
      // A challenge works once: prepare the next one for a second complaint or a retry.
      renew();
      return solved;
    },
  };
}

/**
 * OPEN-4: the public complaint form. No account; spam protection by a small computation in the
 * browser (no third party) and a field only robots fill; the limits for attachments are stated.
 */
export default function PublicComplaintPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const org = params.get('org') ?? undefined;
  const { data: info, error: infoError } = useResource<FormInfo>(`/api/public/complaints/form${org ? `?org=${encodeURIComponent(org)}` : ''}`);
  const challenge = useSolvedChallenge();
  const [form, setForm] = useState(empty);
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<'idle' | 'solving' | 'sending'>('idle');
  const [error, setError] = useState<unknown>();
  const [submitted, setSubmitted] = useState<Submitted>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  useEffect(() => {
    if (submitted) resultHeading.current?.focus();
  }, [submitted]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (info && files.length > info.maxAttachments) {
      setError(new Error(t('accountability.public.tooManyFiles', { count: info.maxAttachments })));
      return;
    }
    const tooLarge = info ? files.find((file) => file.size > info.maxAttachmentBytes) : undefined;
    if (tooLarge && info) {
      setError(new Error(t('accountability.public.fileTooLarge', { name: tooLarge.name, size: formatBytes(info.maxAttachmentBytes, i18n.language) })));
      return;
    }
    try {
      setStage('solving');
      const solved = await challenge.take();
      setStage('sending');
      const result = await api<Submitted>('/api/public/complaints', {
        method: 'POST',
        body: {
          ...(info ? { org: info.organisation.slug } : {}),
          category: form.category,
          subject: form.subject,
          description: form.description,
          contactName: form.contactName,
          contactEmail: form.contactEmail,
          website: form.website,
          attachments: await filesForApi(files),
          ...solved,
        },
      });
      setSubmitted(result);
    } catch (reason) {
      setError(reason);
    } finally {
      setStage('idle');
    }
  }

  if (submitted) {
    const link = `${window.location.origin}${submitted.statusPath}`;
    return (
      <Page title={t('accountability.public.title')}>
        <section className="panel" aria-labelledby="complaint-received">
          <h2 id="complaint-received" ref={resultHeading} tabIndex={-1}>
            {t('accountability.public.receivedTitle')}
          </h2>
          <p>{t('accountability.public.caseNumber', { number: submitted.caseNumber })}</p>
          <p>{t('accountability.public.deadlines', { acknowledge: formatDate(`${submitted.acknowledgeDueDate}T12:00:00`, i18n.language), decision: formatDate(`${submitted.decisionDueDate}T12:00:00`, i18n.language) })}</p>
          <Notice kind="info">
            <p>{t('accountability.public.keepCode')}</p>
            <CopyBox label={t('accountability.public.code')} value={submitted.token} />
            <p>{t('accountability.public.statusLinkIntro')}</p>
            <CopyBox label={t('accountability.public.statusLink')} value={link} />
          </Notice>
          <p>
            <Link to={submitted.statusPath}>{t('accountability.public.toStatus')}</Link>
          </p>
          <p className="muted">{submitted.emailSent ? t('accountability.public.emailSent') : t('accountability.public.noEmail')}</p>
        </section>
      </Page>
    );
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Page title={t('accountability.public.title')} intro={t('accountability.public.intro')}>
      <ErrorNotice error={infoError} />
      {info ? (
        <p>
          {t('accountability.public.recipient', { name: info.organisation.name })}{' '}
          {t(`accountability.public.promise.${info.dayCount}`, { acknowledge: info.acknowledgeDays, decision: info.decisionDays })}
        </p>
      ) : null}
      <p>
        <Link to="/beschwerde/status">{t('accountability.public.haveCode')}</Link>
      </p>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SelectField label={t('accountability.public.category')} value={form.category} onChange={set('category')}>
          {complaintCategories.map((value) => (
            <option key={value} value={value}>
              {t(`accountability.complaintCategory.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('accountability.public.subject')} required value={form.subject} onChange={set('subject')} error={fieldErrors.subject} maxLength={200} />
        <TextAreaField label={t('accountability.public.description')} hint={t('accountability.public.descriptionHint')} required rows={8} value={form.description} onChange={set('description')} error={fieldErrors.description} />
        <TextField label={t('accountability.public.name')} hint={t('accountability.public.nameHint')} autoComplete="name" value={form.contactName} onChange={set('contactName')} error={fieldErrors.contactName} />
        <TextField
          label={t('accountability.public.email')}
          hint={info?.emailNotifications ? t('accountability.public.emailHint') : t('accountability.public.emailHintNoMail')}
          type="email"
          autoComplete="email"
          value={form.contactEmail}
          onChange={set('contactEmail')}
          error={fieldErrors.contactEmail}
        />
        {info ? (
          <FileField
            label={t('accountability.public.files')}
            hint={t('accountability.public.filesHint', { count: info.maxAttachments, size: formatBytes(info.maxAttachmentBytes, i18n.language), types: info.acceptedTypes.join(', ') })}
            files={files}
            onChange={setFiles}
          />
        ) : null}
        {Object.entries(fieldErrors)
          .filter(([key]) => key.startsWith('attachments'))
          .map(([key, message]) => (
            <p key={key} className="field-error">
              {message}
            </p>
          ))}
        <div className="acc-honeypot" aria-hidden="true">
          <label htmlFor="complaint-website">{t('accountability.public.honeypot')}</label>
          <input id="complaint-website" name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={set('website')} />
        </div>
        <p className="hint">{t('accountability.public.privacy')}</p>
        <button type="submit" className="primary" disabled={stage !== 'idle'}>
          {t('accountability.public.submit')}
        </button>
        <p role="status" className="muted">
          {stage === 'solving' ? t('accountability.public.solving') : stage === 'sending' ? t('accountability.public.sending') : ''}
        </p>
      </form>
    </Page>
  );
}
