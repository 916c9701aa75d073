import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../store/store';
import { isVmDown, VmDownBanner } from './VmDownBanner';
import { TokenNeeded } from './TokenNeeded';
import { SwitchEngineButton } from './SwitchEngineButton';

/** A missing or stopped engine is a state, shown with its reason, a countdown and a retry. */
export function EngineBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const engine = useStore((s) => s.engine);
  const link = useStore((s) => s.backendLink);
  const [retrying, setRetrying] = useState(false);
  const [left, setLeft] = useState(0);
  const [keySeen, setKeySeen] = useState(false);
  useEffect(() => {
    if (engine?.state !== 'unreachable' || !engine.retryInMs) return;
    const until = Date.now() + engine.retryInMs;
    setLeft(Math.ceil(engine.retryInMs / 1000));
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 250);
    return () => clearInterval(timer);
  }, [engine]);

  if (link === 'unauthorized') return <TokenNeeded />;
  if (link === 'closed')
    return (
      <div className="banner banner--warn" role="status">
        {t('app.backendLost')}
      </div>
    );
  if (!engine) return null;
  if (engine.state === 'ready') {
    // First connection to an SSH host: say which key was pinned, so the user can compare it.
    if (!engine.hostKeyFirstUse || !engine.hostKey || keySeen) return null;
    return (
      <div className="banner" role="status" data-testid="host-key-pinned">
        {t('engine.hostKeyFirstUse', { fingerprint: engine.hostKey })}
        <button type="button" className="btn" onClick={() => setKeySeen(true)}>
          {t('common.close')}
        </button>
      </div>
    );
  }
  if (engine.state === 'connecting')
    return (
      <div className="banner" role="status">
        {t('engine.connecting')}
      </div>
    );
  if (engine.state === 'degraded') {
    return (
      <div className="banner banner--warn" role="status" data-testid="engine-degraded">
        <strong>{t('engine.degraded')}</strong> {t('engine.degradedDetail', { endpoint: engine.endpoint })}
      </div>
    );
  }
  // The VM behind the `vm` engine is down: say that, with Start, not "engine not reachable".
  if (isVmDown(engine)) return <VmDownBanner engine={engine} />;
  const retry = async (): Promise<void> => {
    setRetrying(true);
    try {
      useStore.getState().setEngine(await getBridge().call('engine:retry', {}));
    } catch {
      // The state event says what happened.
    } finally {
      setRetrying(false);
    }
  };
  return (
    <div className="banner banner--error" role="region" aria-label={t('engine.unreachable')}>
      <strong>{t('engine.unreachable')}</strong>
      {engine.target && <span className="muted"> · {t('targets.engineName', { name: engine.target })}</span>}
      {engine.error && <ErrorNotice error={engine.error} />}
      <div className="banner__actions">
        <button type="button" className="btn" disabled={retrying} onClick={() => void retry()}>
          {t('engine.retry')}
        </button>
        {left > 0 && <span className="muted">{t('engine.retryIn', { seconds: left })}</span>}
        <SwitchEngineButton />
      </div>
    </div>
  );
}
