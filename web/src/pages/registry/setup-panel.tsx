import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';
import { Notice } from '../../components/notice';

type SetupStatus = { usableChatModels: string[]; detected: { name: string; baseUrl: string; models: string[] }[]; suggestedDownloads: string[] };

/** On a fresh install the overview tells administrators what to do next, so nothing looks broken. */
export function SetupPanel() {
  const { t } = useTranslation();
  const { data } = useResource<SetupStatus>('/api/setup/status');
  if (!data) return null;
  if (data.usableChatModels.length > 0) return <p className="muted">{t('registry.setup.ready', { models: data.usableChatModels.join(', ') })}</p>;
  return (
    <section aria-labelledby="setup" className="panel">
      <h2 id="setup">{t('registry.setup.title')}</h2>
      <Notice kind="info">
        <p>{t('registry.setup.none')}</p>
        <ul>
          {data.detected.map((server) => (
            <li key={server.baseUrl}>
              {t('registry.setup.found', { name: server.name, url: server.baseUrl })}:{' '}
              <code>{`leitplanke providers add --id ${server.name.split(/[ /]/)[0]!.toLowerCase()} --base-url ${server.baseUrl} --zone own --jurisdiction DE`}</code>
            </li>
          ))}
          <li>{t('registry.setup.pull', { command: `leitplanke models pull ${data.suggestedDownloads[0] ?? ''}` })}</li>
          <li>{t('registry.setup.add', { command: 'leitplanke models add /pfad/modell.gguf' })}</li>
          <li>{t('registry.setup.eu')}</li>
        </ul>
      </Notice>
    </section>
  );
}
