// Ship: tag a built image with a registry's name and push it there, with per-layer progress (the
// pulls panel's bars), cancel, and the registry's refusals explained (log in from Registries).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellQuote } from '../../../vm-backend/api/rules/cli';
import { tagProblem } from '../../../vm-backend/api/rules/build-form';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { runAction } from '../../components/run-action';
import { useRegistriesDialog } from '../registries/registries-store';
import { PushProgressCard } from './PushProgressCard';
import { usePushes } from './push-store';
import './push.css';

/** The image's name under `registry` (its path kept, its own registry dropped). */
export function nameUnder(registry: string, ref: string): string {
  const parts = ref.split('/');
  const first = parts[0] ?? '';
  const rest =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost') ? parts.slice(1) : parts;
  return `${registry}/${rest.join('/')}`;
}

export function PushPanel({ image, name }: { image: string; name: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [registry, setRegistry] = useState<string | null>(null);
  // The first registry of the settings, logged-in ones first, is where a push goes by default.
  useEffect(() => {
    void getBridge()
      .call('registries:list', {})
      .then(
        (list) => setRegistry([...list].sort((a, b) => Number(b.hasSecret) - Number(a.hasSecret))[0]?.host ?? null),
        () => undefined,
      );
  }, []);
  const suggested = registry ? nameUnder(registry, name) : name;
  const [target, setTarget] = useState(suggested);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [tagged, setTagged] = useState<string | null>(null);
  const pushId = usePushes((s) => s.byRef[normalized(target)]);
  const push = usePushes((s) => (pushId ? s.pushes[pushId] : undefined));
  useEffect(() => setTarget(suggested), [suggested]);
  const problem = target ? tagProblem(target) : 'empty';

  const tagThenPush = async (): Promise<void> => {
    setError(null);
    const bridge = getBridge();
    const tagR = await runAction(`docker tag ${shellQuote(image)} ${shellQuote(target)}`, () =>
      bridge.call('push:tag', { source: image, target }),
    );
    if (tagR.error) return setError(tagR.error);
    setTagged(target);
    const r = await runAction(`docker push ${shellQuote(target)}`, () => bridge.call('push:start', { ref: target }));
    if (r.error) setError(r.error);
    else if (r.value) usePushes.getState().upsert(r.value);
  };
  return (
    <section className="push-panel" aria-label={t('push.title')}>
      <h3>{t('push.title')}</h3>
      <p className="muted small">{t('push.intro')}</p>
      <div className="push-panel__row">
        <label>
          {t('push.target')}
          <input
            value={target}
            spellCheck={false}
            aria-invalid={!!problem || undefined}
            onChange={(e) => setTarget(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn--primary"
          disabled={!!problem || push?.state === 'running'}
          onClick={() => void tagThenPush()}
        >
          {t('push.push')}
        </button>
        {push?.state === 'running' && (
          <button
            type="button"
            className="btn btn--danger"
            onClick={() =>
              void runAction('Ctrl+C (docker push)', () => getBridge().call('push:cancel', { push: push.push }))
            }
          >
            {t('push.cancel')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => useRegistriesDialog.getState().show(true)}>
          {t('push.registries')}
        </button>
      </div>
      <code className="cli-inline" data-testid="push-cli">
        $ docker tag {shellQuote(image)} {shellQuote(target || '…')} && docker push {shellQuote(target || '…')}
      </code>
      {tagged && !push && <p className="small">{t('push.tagged', { ref: tagged })}</p>}
      {push && <PushProgressCard push={push} />}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** What the backend names a push: name:tag (latest when none). */
function normalized(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return ref.lastIndexOf(':') > slash ? ref : `${ref}:latest`;
}
