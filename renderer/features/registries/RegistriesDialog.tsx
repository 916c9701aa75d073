// Settings → Registries: the registries search looks in, added with optional credentials (kept
// by the backend in a 0600 file; never sent back), removed, and tested.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo, RegistryTest } from '../../../vm-backend/api/contract.registries';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { errorShape } from '../../lib/error-shape';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { getBridge } from '../../bridge';
import { useRegistriesDialog } from './registries-store';
import type { TargetsOverview } from '../../../vm-backend/api/contract.targets';
import { SettingsNotices } from '../settings/SettingsNotices';

const shape = (e: unknown): WharfErrorShape => errorShape(e, 'REGISTRY_FAILED');

export function RegistriesDialog(): React.JSX.Element | null {
  const open = useRegistriesDialog((s) => s.open);
  return open ? <RegistriesBody /> : null;
}

function RegistriesBody(): React.JSX.Element {
  const { t } = useTranslation();
  const [list, setList] = useState<RegistryInfo[]>([]);
  const [host, setHost] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [tested, setTested] = useState<RegistryTest | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => useRegistriesDialog.getState().show(false), []);
  const [settings, setSettings] = useState<TargetsOverview | null>(null);
  const reload = useCallback(async () => {
    setList(await getBridge().call('registries:list', {}));
    // A registries.json set aside as corrupt is said here too, with both paths.
    setSettings(await getBridge().call('targets:list', {}));
  }, []);
  useEffect(() => void reload().catch((e: unknown) => setError(shape(e))), [reload]);
  const input = {
    host: host.trim(),
    ...(username.trim() ? { username: username.trim() } : {}),
    ...(secret ? { secret } : {}),
  };
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    setTested(null);
    try {
      await fn();
    } catch (e) {
      setError(shape(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('registries.title')}
      onClose={close}
      footer={
        <button type="button" className="btn" data-close onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted small">{t('registries.intro')}</p>
      <SettingsNotices status={settings} only={['registries.json']} />
      <ul className="registries" aria-label={t('registries.list')}>
        {list.length === 0 && <li className="muted small">{t('registries.none')}</li>}
        {list.map((r) => (
          <li key={r.host} className="registries__row">
            <span>
              {r.host}
              {r.username ? ` · ${r.username}` : ''}
            </span>
            <button
              type="button"
              className="btn btn--small btn--danger"
              aria-label={t('registries.remove', { host: r.host })}
              onClick={() =>
                void act(async () => {
                  await getBridge().call('registries:remove', { host: r.host });
                  await reload();
                })
              }
            >
              {t('registries.removeShort')}
            </button>
          </li>
        ))}
      </ul>
      <label>
        {t('registries.host')}
        <input value={host} onChange={(e) => setHost(e.target.value)} placeholder="127.0.0.1:5000" />
      </label>
      <label>
        {t('registries.username')}
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
      </label>
      <label>
        {t('registries.secret')}
        <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
      </label>
      <div className="pull__actions">
        <button
          type="button"
          className="btn"
          disabled={busy || !input.host}
          onClick={() => void act(async () => setTested(await getBridge().call('registries:test', input)))}
        >
          {t('registries.test')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !input.host}
          onClick={() =>
            void act(async () => {
              await getBridge().call('registries:add', input);
              setHost('');
              setUsername('');
              setSecret('');
              await reload();
            })
          }
        >
          {t('registries.add')}
        </button>
      </div>
      {tested && (
        <p role="status">
          {tested.catalog ? t('registries.ok', { count: tested.repositories }) : t('registries.okNoCatalog')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <p className="muted small">{t('registries.storage')}</p>
    </Dialog>
  );
}
