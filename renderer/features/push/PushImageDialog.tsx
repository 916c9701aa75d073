// "Push…" from the Images view: choose a registry of the settings, a repository and a tag; the
// `docker tag` + `docker push` it stands for is shown as it is typed; then the push's progress
// (per layer, cancel) in the same dialog.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../../vm-backend/api/contract.registries';
import { shellQuote } from '../../../vm-backend/api/rules/cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { runAction } from '../../components/run-action';
import { useRegistriesDialog } from '../registries/registries-store';
import { PushProgressCard } from './PushProgressCard';
import { usePushes } from './push-store';
import { pushTarget, pushTargetProblem, splitForPush } from './push-target';
import './push.css';
import { Term } from '../../components/Term';

export function PushImageDialog({ image, onClose }: { image: string; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [registries, setRegistries] = useState<RegistryInfo[] | null>(null);
  const [registry, setRegistry] = useState('');
  const initial = splitForPush(image);
  const [repository, setRepository] = useState(initial.repository);
  const [tag, setTag] = useState(initial.tag);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [pushId, setPushId] = useState<string | null>(null);
  const push = usePushes((s) => (pushId ? s.pushes[pushId] : undefined));
  const showRegistries = useRegistriesDialog((s) => s.open);
  // Logged-in registries first; the list is read again when the registries dialog closes.
  useEffect(() => {
    if (showRegistries) return;
    void getBridge()
      .call('registries:list', {})
      .then(
        (list) => {
          const sorted = [...list].sort((a, b) => Number(b.hasSecret) - Number(a.hasSecret));
          setRegistries(sorted);
          setRegistry((r) => (r && sorted.some((x) => x.host === r) ? r : (sorted[0]?.host ?? '')));
        },
        () => setRegistries([]),
      );
  }, [showRegistries]);

  const target = pushTarget(registry, repository, tag);
  const problem = registry ? pushTargetProblem(registry, repository, tag) : 'empty';
  const running = push?.state === 'running';
  const tagCli = `docker tag ${shellQuote(image)} ${shellQuote(target)}`;
  const pushCli = `docker push ${shellQuote(target)}`;

  const start = async (): Promise<void> => {
    setError(null);
    const bridge = getBridge();
    const tagged = await runAction(tagCli, () => bridge.call('push:tag', { source: image, target }));
    if (tagged.error) return setError(tagged.error);
    const r = await runAction(pushCli, () => bridge.call('push:start', { ref: target }));
    if (r.error) return setError(r.error);
    if (r.value) {
      usePushes.getState().upsert(r.value);
      setPushId(r.value.push);
    }
  };
  const cancel = (): void => {
    if (push) void runAction('Ctrl+C (docker push)', () => getBridge().call('push:cancel', { push: push.push }));
  };

  return (
    <Dialog
      title={t('push.image.title', { ref: image })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {push && !running ? t('push.image.close') : t('common.cancel')}
          </button>
          {running ? (
            <button type="button" className="btn btn--danger" onClick={cancel}>
              {t('push.cancel')}
            </button>
          ) : (
            <button type="button" className="btn btn--primary" disabled={!!problem} onClick={() => void start()}>
              {t('push.push')}
            </button>
          )}
        </>
      }
    >
      <div className="push-panel push-dialog">
        <p className="muted small">{t('push.image.intro')}</p>
        {registries && registries.length === 0 && <p className="small">{t('push.image.noRegistry')}</p>}
        <div className="push-panel__row">
          <label>
            {t('push.image.registry')}
            <select value={registry} disabled={running} onChange={(e) => setRegistry(e.target.value)}>
              {registries?.map((r) => (
                <option key={r.host} value={r.host}>
                  {r.hasSecret ? t('push.image.loggedIn', { host: r.host, user: r.username ?? '' }) : r.host}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => useRegistriesDialog.getState().show(true)}>
            {t('push.registries')}
          </button>
          <Term term="registry" compact />
        </div>
        <div className="push-panel__row">
          <label>
            {t('push.image.repository')}
            <input
              value={repository}
              spellCheck={false}
              disabled={running}
              aria-invalid={(!!problem && !!registry) || undefined}
              onChange={(e) => setRepository(e.target.value)}
            />
          </label>
          <label className="push-dialog__tag">
            {t('push.image.tag')}
            <input value={tag} spellCheck={false} disabled={running} onChange={(e) => setTag(e.target.value)} />
          </label>
          <Term term="tag" compact />
        </div>
        {problem && registry && (
          <p className="small push-dialog__problem" role="alert">
            {t(`build.tagProblem.${problem}`)}
          </p>
        )}
        <code className="cli-inline" data-testid="dialog-cli">
          $ {tagCli} && {pushCli}
        </code>
        {push && <PushProgressCard push={push} />}
        {error && <ErrorNotice error={error} />}
      </div>
    </Dialog>
  );
}
