import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTART_POLICIES, type RestartPolicy, type RunForm } from '../../../vm-backend/api/rules/run-form';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../store/store';
import { PullItem } from '../pull/PullPanel';
import { usePulls } from '../pull/pull-store';
import { CliPreview } from './CliPreview';
import { EnvRows } from './EnvRows';
import { FieldError, invalidProps } from './FieldError';
import { PasteCommand } from './PasteCommand';
import { PortRows } from './PortRows';
import { type RunSource, useRunDialog } from './run-store';
import { useRunForm } from './useRunForm';
import { VolumeRows } from './VolumeRows';
import { RunLimitsSection } from '../stats/RunLimitsSection';
import './run-dialog.css';
import { Term } from '../../components/Term';

/** Run an image: every choice shows the `docker container run` flag it stands for. */
export function RunDialog({ source }: { source: RunSource }): React.JSX.Element {
  const { t } = useTranslation();
  const close = useRunDialog((s) => s.close);
  const r = useRunForm(source);
  const { form, update, problems } = r;
  const [networks, setNetworks] = useState<string[]>([]);
  const [keep, setKeep] = useState(false);
  useEffect(() => {
    void getBridge()
      .call('run:networks', {})
      .then(setNetworks, () => undefined);
  }, []);
  const set = <K extends keyof RunForm>(k: K, v: RunForm[K]): void => update((f) => ({ ...f, [k]: v }));

  const run = async (): Promise<void> => {
    const res = await r.submit(keep);
    if (!res) {
      // Bring the first problem into view, next to its field.
      setTimeout(
        () =>
          document
            .querySelector('.run-form .run-field-error, .run-form .error-notice')
            ?.scrollIntoView({ block: 'center' }),
        0,
      );
      return;
    }
    close();
    // -it: the container's terminal opens in its details (the Shell tab).
    if (form.interactive) useRunDialog.getState().openTerminal(res.id);
    const s = useStore.getState();
    s.setView('containers');
    s.selectContainer(res.id);
  };

  const title =
    source.kind === 'container'
      ? t('run.titleAnother', { name: source.name })
      : t('run.title', { image: form.image || '…' });
  const general = r.engineError && !r.engineField ? r.engineError : null;
  const listening = r.hostPorts;
  return (
    <Dialog
      title={title}
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            disabled={r.submitting || r.loading}
            onClick={() => void run()}
          >
            {r.submitting ? t('run.running') : t('run.run')}
          </button>
        </>
      }
    >
      <form
        className="run-form"
        aria-busy={r.loading}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <PasteCommand onFill={(f) => update(() => f)} />
        <label>
          {t('run.image')}{' '}
          <input
            value={form.image}
            onChange={(e) => set('image', e.target.value.trim().slice(0, 512))}
            {...invalidProps(problems, 'image')}
          />
        </label>
        {r.imageInfo && !r.imageInfo.present && (
          <p className="run-warning">{t('run.imageMissing', { image: form.image })}</p>
        )}
        <FieldError problems={problems} field="image" />
        {/* Next to the image it pulls, so its progress is in view without scrolling. */}
        {r.pullsBefore && <PullsOfThisRun before={r.pullsBefore} />}
        <label>
          {t('run.name')} <code>--name</code>
          <input
            value={form.name}
            placeholder={t('run.namePlaceholder')}
            onChange={(e) => set('name', e.target.value.slice(0, 128))}
            {...invalidProps(problems, 'name')}
          />
        </label>
        <FieldError problems={problems} field="name" />
        <label>
          {t('run.command')}
          <input
            value={form.command}
            placeholder={r.imageInfo?.cmd || t('run.commandPlaceholder')}
            onChange={(e) => set('command', e.target.value.slice(0, 8192))}
            {...invalidProps(problems, 'command')}
          />
        </label>
        <FieldError problems={problems} field="command" />
        <div className="run-row">
          {/* The "?" beside the label, not in it: a button inside a label would take the label's clicks. */}
          <span className="run-check">
            <label className="check">
              <input type="checkbox" checked={form.detached} onChange={(e) => set('detached', e.target.checked)} />{' '}
              {t('run.detached')} <code>-d</code>
            </label>
            <Term term="detached" compact />
          </span>
          <span className="run-check">
            <label className="check">
              <input
                type="checkbox"
                checked={form.interactive}
                onChange={(e) => set('interactive', e.target.checked)}
              />{' '}
              {t('run.interactive')} <code>-it</code>
            </label>
            <Term term="interactive" compact />
          </span>
          <label className="check">
            <input type="checkbox" checked={form.autoRemove} onChange={(e) => set('autoRemove', e.target.checked)} />{' '}
            {t('run.autoRemove')} <code>--rm</code>
          </label>
        </div>
        <div className="run-row">
          <label>
            {t('run.restart')} <code>--restart</code>
            <select value={form.restart} onChange={(e) => set('restart', e.target.value as RestartPolicy)}>
              {RESTART_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(`run.restartPolicy.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {form.restart === 'on-failure' && (
            <label>
              {t('run.restartMax')}
              <input
                inputMode="numeric"
                value={form.restartMax}
                onChange={(e) => set('restartMax', e.target.value.slice(0, 8))}
                {...invalidProps(problems, 'restartMax')}
              />
            </label>
          )}
          <label>
            {t('run.network')} <code>--network</code>
            <select value={form.network} onChange={(e) => set('network', e.target.value)}>
              <option value="">{t('run.networkDefault')}</option>
              {[...new Set([...networks, ...(form.network ? [form.network] : [])])]
                .filter((n) => n !== 'bridge')
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </select>
          </label>
        </div>
        <FieldError problems={problems} field="restart" />
        <FieldError problems={problems} field="restartMax" />
        <FieldError problems={problems} field="network" />
        <PortRows
          form={form}
          update={update}
          problems={problems}
          containers={r.containers}
          listeners={listening?.listeners ?? []}
        />
        {r.movedPorts.map((m) => (
          <p key={m.from} className="run-warning" data-testid="port-moved">
            {t('run.ports.moved', { from: m.from, to: m.to })}
          </p>
        ))}
        <p className="muted small" data-testid="port-check">
          {listening
            ? listening.source === 'engine-host'
              ? t('run.ports.checked')
              : t('run.ports.notChecked')
            : t('run.ports.checking')}
        </p>
        <EnvRows form={form} update={update} problems={problems} />
        <VolumeRows form={form} update={update} problems={problems} />
        <RunLimitsSection form={form} update={update} problems={problems} />
        {general && <ErrorNotice error={general} />}
        {r.engineError?.params?.kept && <p className="run-warning">{t('run.kept')}</p>}
        <label className="check small">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> {t('run.keepOnFailure')}
        </label>
        <CliPreview form={form} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/** The pull a Run started for a missing image, with its progress, inside the dialog. */
function PullsOfThisRun({ before }: { before: ReadonlySet<string> }): React.JSX.Element | null {
  const { t } = useTranslation();
  const order = usePulls((s) => s.order);
  const mine = order.filter((id) => !before.has(id));
  if (!mine.length) return null;
  return (
    <div className="run-pull" aria-label={t('run.pullingFirst')} role="group">
      <p className="muted small">{t('run.pullingFirst')}</p>
      {mine.map((id) => (
        <PullItem key={id} id={id} runnable={false} />
      ))}
    </div>
  );
}
