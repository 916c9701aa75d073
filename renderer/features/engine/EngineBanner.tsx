import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../store/store';

/** A missing or stopped engine is a state, shown with its reason, a countdown and a retry. */
export function EngineBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const engine = useStore((s) => s.engine);
  const link = useStore((s) => s.backendLink);
  const [retrying, setRetrying] = useState(false);
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (engine?.state !== 'unreachable' || !engine.retryInMs) return;
    const until = Date.now() + engine.retryInMs;
    setLeft(Math.ceil(engine.retryInMs / 1000));
    const timer = setInterval(() => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000))), 250);
    return () => clearInterval(timer);
  }, [engine]);

  if (link === 'closed') return <div className="banner banner--warn" role="status">{t('app.backendLost')}</div>;
  if (!engine || engine.state === 'ready') return null;
  if (engine.state === 'connecting') return <div className="banner" role="status">{t('engine.connecting')}</div>;
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
      {engine.error && <ErrorNotice error={engine.error} />}
      <div className="banner__actions">
        <button type="button" className="btn" disabled={retrying} onClick={() => void retry()}>{t('engine.retry')}</button>
        {left > 0 && <span className="muted">{t('engine.retryIn', { seconds: left })}</span>}
      </div>
    </div>
  );
}
