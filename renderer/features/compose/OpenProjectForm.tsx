import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PathField } from '../../components/PathField';
import { useCompose } from './compose-store';

/** A folder or compose file, with name, env file and profiles; checked with `config` before it is kept. */
export function OpenProjectForm({ prefix, onDone }: { prefix: string; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [envFile, setEnvFile] = useState('');
  const [profiles, setProfiles] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const profileList = profiles
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const cmd = [
    prefix,
    name.trim() && `-p ${name.trim()}`,
    path.trim() && `-f ${path.trim()}`,
    envFile.trim() && `--env-file ${envFile.trim()}`,
    ...profileList.map((p) => `--profile ${p}`),
    'config',
  ]
    .filter(Boolean)
    .join(' ');
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const err = await useCompose.getState().open(getBridge(), {
      path: path.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(envFile.trim() ? { envFile: envFile.trim() } : {}),
      ...(profileList.length ? { profiles: profileList } : {}),
    });
    setBusy(false);
    setError(err);
    if (!err) onDone();
  };
  return (
    <form className="compose-open" aria-label={t('compose.openTitle')} onSubmit={(e) => void submit(e)}>
      <PathField label={t('compose.path')} value={path} onChange={setPath} placeholder="/home/me/shop" />
      <p className="muted small">{t('compose.pathHint')}</p>
      <div className="compose-open__row">
        <label>
          {t('compose.name')}
          <input
            name="project-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          {t('compose.profiles')}
          <input
            name="profiles"
            value={profiles}
            onChange={(e) => setProfiles(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      </div>
      <PathField label={t('compose.envFile')} value={envFile} onChange={setEnvFile} placeholder="/home/me/shop/.env" />
      {busy && <p className="muted small">{t('compose.opening')}</p>}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline" data-testid="compose-open-cli">
        $ {cmd}
      </code>
      <div className="compose-open__actions">
        <button type="submit" className="btn" disabled={busy || !path.trim()}>
          {t('compose.open')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('compose.cancel')}
        </button>
      </div>
    </form>
  );
}
