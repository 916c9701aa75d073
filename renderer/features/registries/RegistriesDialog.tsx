// Settings → Registries: the registries search looks in, added with optional credentials (kept
// by the backend in a 0600 file; never sent back), removed, and tested.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { getBridge } from '../../bridge';
import { registryInput, useRegistriesDialog } from './registries-store';
import { SettingsNotices } from '../settings/SettingsNotices';

export function RegistriesDialog(): React.JSX.Element | null {
  const open = useRegistriesDialog((s) => s.open);
  return open ? <RegistriesBody /> : null;
}

function RegistriesBody(): React.JSX.Element {
  const { t } = useTranslation();
  const list = useRegistriesDialog((s) => s.list);
  const busy = useRegistriesDialog((s) => s.busy);
  const error = useRegistriesDialog((s) => s.error);
  const tested = useRegistriesDialog((s) => s.tested);
  const [host, setHost] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const close = useCallback(() => useRegistriesDialog.getState().show(false), []);
  useEffect(() => void useRegistriesDialog.getState().load(getBridge()), []);
  const settings = useRegistriesDialog((s) => s.settings);
  const input = registryInput(host, username, secret);
  const add = async (): Promise<void> => {
    if (!(await useRegistriesDialog.getState().add(getBridge(), input))) return;
    setHost('');
    setUsername('');
    setSecret('');
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
              onClick={() => void useRegistriesDialog.getState().remove(getBridge(), r.host)}
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
          onClick={() => void useRegistriesDialog.getState().test(getBridge(), input)}
        >
          {t('registries.test')}
        </button>
        <button type="button" className="btn" disabled={busy || !input.host} onClick={() => void add()}>
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
