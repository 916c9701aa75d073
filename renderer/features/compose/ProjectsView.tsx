import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeProject } from '../../../vm-backend/api/contract.compose';
import { composeDisplayPrefix } from '../../../vm-backend/api/rules/compose-args';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../store/store';
import { useCompose } from './compose-store';
import { DownDialog } from './DownDialog';
import { OpenProjectForm } from './OpenProjectForm';
import { ProjectCard } from './ProjectCard';
import { ProjectLogs } from './ProjectLogs';
import { serviceItems, unlistedProjects } from './project-items';
import './compose.css';
import { Term } from '../../components/Term';

/** Compose projects: opened in Wharf or found through their containers' labels. */
export function ProjectsView(): React.JSX.Element {
  const { t } = useTranslation();
  const byId = useStore((s) => s.containers.byId);
  const engineState = useStore((s) => s.engine?.state);
  const { cli, projects, loaded, listError } = useCompose();
  const [opening, setOpening] = useState(false);
  const [down, setDown] = useState<ComposeProject | null>(null);
  const [logs, setLogs] = useState<string | null>(null);
  const [cliPath, setCliPath] = useState('');
  const rows = useMemo(() => Object.values(byId), [byId]);
  const unlisted = unlistedProjects(projects, rows).join(',');

  // Again when the engine is back, and when containers name a project the list lacks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `unlisted` is the trigger
  useEffect(() => {
    if (engineState === 'ready') void useCompose.getState().load(getBridge());
  }, [engineState, unlisted]);

  const prefix = composeDisplayPrefix(cli?.command);
  const noCli = cli !== null && !cli.found;
  return (
    <section className="view" aria-labelledby="projects-title">
      <div className="view__main compose-view">
        <header className="compose-view__bar">
          <h1 id="projects-title">{t('compose.title')}</h1>
          <Term term="compose" compact />
          {cli?.found && (
            <span className="muted small" data-testid="compose-cli">
              {t('compose.cliFound', { version: cli.version, flavor: prefix.join(' ') })}
            </span>
          )}
          <button type="button" className="btn" disabled={noCli} onClick={() => setOpening(true)}>
            {t('compose.open')}
          </button>
        </header>
        {noCli && (
          <div className="compose-nocli">
            <p>{t('compose.noCompose')}</p>
            {cli?.error && <ErrorNotice error={cli.error} />}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void useCompose.getState().setCliPath(getBridge(), cliPath.trim() || undefined);
              }}
            >
              <label>
                {t('compose.cliPath')}
                <input
                  value={cliPath}
                  onChange={(e) => setCliPath(e.target.value)}
                  placeholder="/usr/local/bin/docker-compose"
                />
              </label>
              <button type="submit" className="btn btn--small">
                {t('compose.cliPathSave')}
              </button>
            </form>
          </div>
        )}
        {opening && <OpenProjectForm prefix={prefix.join(' ')} onDone={() => setOpening(false)} />}
        {listError && <ErrorNotice error={listError} />}
        {loaded && projects.length === 0 && !opening && <p className="empty">{t('compose.empty')}</p>}
        <div className="compose-list">
          {projects.map((p) => (
            <ProjectCard
              key={p.name}
              project={p}
              services={serviceItems(p, rows)}
              prefix={prefix}
              noCli={noCli}
              onDown={() => setDown(p)}
              onLogs={() => setLogs(p.name)}
            />
          ))}
        </div>
        {logs && (
          <ProjectLogs
            key={logs}
            project={logs}
            services={projects.find((p) => p.name === logs)?.services ?? []}
            onClose={() => setLogs(null)}
          />
        )}
      </div>
      {down && (
        <DownDialog
          project={down}
          containers={rows.filter((r) => r.project === down.name).map((r) => r.name)}
          prefix={prefix}
          onClose={() => setDown(null)}
        />
      )}
    </section>
  );
}
