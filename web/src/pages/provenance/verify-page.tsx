import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/notice';
import { Page } from '../../components/page';
import { useSession } from '../../session/session-context';
import { pick, readAsBase64, type Text } from './provenance-shared';
import './provenance.css';

type Result =
  | { filename: string; ok: false; error: Text }
  | {
      filename: string;
      ok: true;
      verdict: 'ai_generated' | 'ai_montage' | 'not_ai' | 'unknown';
      iptc: { digitalSourceTypeCode: string | null; credit: string | null } | null;
      c2pa: { present: boolean; state: string; trusted: boolean; issuer: string | null };
      match: { kind: string } | null;
      flags: { code: string; detail: Text }[];
    };

/** Verification of any image or a batch: what the metadata says about AI origin, and what a campaign asset lacks. */
export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const fileId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [campaign, setCampaign] = useState(true);
  const [results, setResults] = useState<Result[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const payload = await Promise.all(files.map(async (file) => ({ filename: file.name, contentBase64: await readAsBase64(file) })));
      const response = await api<{ results: Result[] }>(`/api/orgs/${currentOrg!.id}/images/verify`, { method: 'POST', body: { campaign, files: payload } });
      setResults(response.results);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  function c2paText(result: Extract<Result, { ok: true }>): string {
    if (!result.c2pa.present) return t('provenance.verify.c2paAbsent');
    if (result.c2pa.state !== 'valid') return t('provenance.verify.c2paInvalid');
    return result.c2pa.trusted ? t('provenance.verify.c2paTrusted', { issuer: result.c2pa.issuer ?? '' }) : t('provenance.verify.c2paUntrusted', { issuer: result.c2pa.issuer ?? '' });
  }

  if (!currentOrg) return null;
  return (
    <Page title={t('provenance.verify.title')} intro={t('provenance.verify.intro')}>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={fileId}>{t('provenance.verify.files')}</label>
          <p id={`${fileId}-hint`} className="hint">
            {t('provenance.verify.filesHint')}
          </p>
          <input id={fileId} type="file" multiple accept="image/jpeg,image/png,image/webp" aria-describedby={`${fileId}-hint`} onChange={(event) => setFiles([...(event.target.files ?? [])])} />
        </div>
        <div className="checkbox">
          <input type="checkbox" id="verify-campaign" checked={campaign} onChange={(event) => setCampaign(event.target.checked)} />
          <label htmlFor="verify-campaign">{t('provenance.verify.campaign')}</label>
        </div>
        <button type="submit" className="primary" disabled={busy || files.length === 0}>
          {t('provenance.verify.submit')}
        </button>
      </form>
      <div role="status" className="muted">
        {busy ? t('provenance.verify.working') : results ? t('provenance.verify.summary', { count: results.length, flagged: results.filter((result) => result.ok && result.flags.length > 0).length }) : null}
      </div>
      {results && results.length > 0 ? (
        <section aria-labelledby="verify-results">
          <h2 id="verify-results">{t('provenance.verify.results')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('provenance.verify.file')}</th>
                  <th scope="col">{t('provenance.verify.verdict')}</th>
                  <th scope="col">IPTC</th>
                  <th scope="col">C2PA</th>
                  <th scope="col">{t('provenance.verify.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((result, index) => (
                  <tr key={`${result.filename}-${index}`}>
                    <th scope="row">{result.filename}</th>
                    {result.ok ? (
                      <>
                        <td>{t(`provenance.verdict.${result.verdict}`)}</td>
                        <td>{result.iptc?.digitalSourceTypeCode ?? t('provenance.verify.none')}</td>
                        <td>{c2paText(result)}</td>
                        <td>
                          {result.flags.length === 0 ? (
                            t('provenance.verify.noFlags')
                          ) : (
                            <ul className="provenance-flags">
                              {result.flags.map((flag) => (
                                <li key={flag.code}>
                                  <strong>{t('provenance.verify.flagged')}:</strong> {pick(flag.detail, i18n.language)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </>
                    ) : (
                      <td colSpan={4}>{pick(result.error, i18n.language)}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
