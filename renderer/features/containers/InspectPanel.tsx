import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import { errorShape } from '../../lib/error-shape';
import type { ContainerInspect, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { lazyNamed } from '../../components/lazy-named';
import { LoadingLine } from '../../components/Loading';
import { useStore } from '../../store/store';
import { useRunDialog } from '../run/run-store';
import { containerIps } from '../networks/container-ips';

// xterm.js and its addons load with the first Logs or Shell tab, not with the first paint.
const LogsTab = lazyNamed(() => import('../terminal/LogsTab'), 'LogsTab');
const ShellTab = lazyNamed(() => import('../terminal/ShellTab'), 'ShellTab');
const FilesTab = lazyNamed(() => import('../files/FilesTab'), 'FilesTab');
// uPlot loads with the first Stats tab.
const StatsTab = lazyNamed(() => import('../stats/StatsTab'), 'StatsTab');
const ProcessesTab = lazyNamed(() => import('../stats/ProcessesTab'), 'ProcessesTab');

/** Friendly summary plus the raw inspect JSON; re-reads when the container's row changes. */
export function InspectPanel({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const row = useStore((s) => s.containers.byId[id]);
  const close = useStore((s) => s.selectContainer);
  const [tab, setTab] = useState<'summary' | 'raw' | 'logs' | 'shell' | 'files' | 'stats' | 'processes'>('summary');
  const [data, setData] = useState<ContainerInspect | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  // A container just run with -it opens on its terminal.
  const [justRan, setJustRan] = useState(false);
  useEffect(() => {
    if (!useRunDialog.getState().takeTerminal(id)) return;
    setTab('shell');
    setJustRan(true);
  }, [id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new row (the engine changed it) re-reads the inspect data
  useEffect(() => {
    let live = true;
    getBridge()
      .call('containers:inspect', { id })
      .then(
        (d) => live && (setData(d), setError(null)),
        (e: unknown) => live && setError(errorShape(e)),
      );
    return () => {
      live = false;
    };
  }, [id, row]);

  const s = data?.summary;
  const name = row?.name ?? s?.name ?? id.slice(0, 12);
  return (
    <aside
      className={['logs', 'shell', 'files', 'stats', 'processes'].includes(tab) ? 'inspect inspect--wide' : 'inspect'}
      role="region"
      aria-label={t('containers.details', { name })}
    >
      <header className="inspect__head">
        <h2>{name}</h2>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => useRunDialog.getState().open({ kind: 'container', id, name })}
        >
          {t('run.another')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => close(null)}>
          {t('common.close')}
        </button>
      </header>
      <code className="cli-inline">$ {dockerCli.containerInspect(name)}</code>
      <div role="tablist" className="tabs">
        <button role="tab" type="button" aria-selected={tab === 'summary'} onClick={() => setTab('summary')}>
          {t('inspect.summary')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'raw'} onClick={() => setTab('raw')}>
          {t('inspect.raw')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'logs'} onClick={() => setTab('logs')}>
          {t('inspect.logs')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'shell'} onClick={() => setTab('shell')}>
          {t('inspect.shell')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'files'} onClick={() => setTab('files')}>
          {t('files.tab')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'stats'} onClick={() => setTab('stats')}>
          {t('stats.tab')}
        </button>
        <button role="tab" type="button" aria-selected={tab === 'processes'} onClick={() => setTab('processes')}>
          {t('top.tab')}
        </button>
      </div>
      {error && tab !== 'logs' && <ErrorNotice error={error} />}
      {!data && !error && tab !== 'logs' && <p>{t('common.loading')}</p>}
      {s && tab === 'summary' && (
        // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the summary list is the tab's panel
        <dl className="inspect__summary" role="tabpanel">
          <dt>{t('inspect.id')}</dt>
          <dd>
            <code>{s.id.slice(0, 12)}</code>
          </dd>
          <dt>{t('inspect.image')}</dt>
          <dd>{s.image}</dd>
          <dt>{t('inspect.state')}</dt>
          <dd>{t(`containers.state.${s.state}`)}</dd>
          <dt>{t('inspect.command')}</dt>
          <dd>
            <code>{s.command}</code>
          </dd>
          {s.startedAt && (
            <>
              <dt>{t('inspect.started')}</dt>
              <dd>{new Date(s.startedAt).toLocaleString()}</dd>
            </>
          )}
          {s.state === 'exited' && (
            <>
              <dt>{t('inspect.exitCode')}</dt>
              <dd>{s.exitCode}</dd>
            </>
          )}
          <dt>{t('inspect.restartPolicy')}</dt>
          <dd>
            {s.restartPolicy} ({t('inspect.restarts')}: {s.restartCount})
          </dd>
          <dt>{t('inspect.ports')}</dt>
          <dd>
            {s.ports
              .map(
                (p) =>
                  `${p.hostPort ? `${p.hostIp || '0.0.0.0'}:${p.hostPort}->` : ''}${p.containerPort}/${p.protocol}`,
              )
              .join(', ') || t('common.none')}
          </dd>
          <dt>{t('inspect.mounts')}</dt>
          <dd>
            {s.mounts.map((m) => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ''}`).join(', ') ||
              t('common.none')}
          </dd>
          <dt>{t('inspect.networks')}</dt>
          <dd data-testid="inspect-networks">{containerIps(data?.raw).join(', ') || t('common.none')}</dd>
          <dt>{t('inspect.env')}</dt>
          <dd>
            <ul className="plain">
              {s.env.map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('inspect.labels')}</dt>
          <dd>
            <ul className="plain">
              {Object.entries(s.labels).map(([k, v]) => (
                <li key={k}>
                  <code>
                    {k}={v}
                  </code>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      {data && tab === 'raw' && (
        <pre className="inspect__raw" role="tabpanel" data-testid="inspect-raw">
          {JSON.stringify(data.raw, null, 2)}
        </pre>
      )}
      <Suspense fallback={<LoadingLine />}>
        {tab === 'logs' && <LogsTab key={id} id={id} name={name} />}
        {tab === 'files' && <FilesTab key={id} id={id} name={name} running={row?.state === 'running'} />}
        {tab === 'stats' && <StatsTab key={id} id={id} name={name} state={row?.state ?? s?.state ?? 'exited'} />}
        {tab === 'processes' && (
          <ProcessesTab key={id} id={id} name={name} state={row?.state ?? s?.state ?? 'exited'} />
        )}
        {tab === 'shell' && (
          <ShellTab
            key={id}
            id={id}
            name={name}
            state={row?.state ?? s?.state ?? 'exited'}
            interactive={
              data ? Boolean((data.raw as { Config?: { OpenStdin?: boolean } } | undefined)?.Config?.OpenStdin) : null
            }
            justRan={justRan}
          />
        )}
      </Suspense>
    </aside>
  );
}
