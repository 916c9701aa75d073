// The build form: the folder (a path field with the backend's completion), the Dockerfile, tags
// checked as image names, build args from the Dockerfile's ARGs, the target stage from its
// `FROM ... AS` names, no-cache and pull, with the `docker build` command shown as they type.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCommand } from '../../../vm-backend/api/rules/build-form';
import { WharfError } from '../../../vm-backend/api/errors';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PathField } from '../../components/PathField';
import { formatBytes } from '../../lib/format';
import { addIgnore, firstTagProblem, splitTags, startBuild } from './build-actions';
import { ContextSummaryView } from './ContextSummaryView';
import { useBuilds } from './build-store';

export function BuildFormView(): React.JSX.Element {
  const { t } = useTranslation();
  const form = useBuilds((s) => s.form);
  const inspect = useBuilds((s) => s.inspect);
  const inspectError = useBuilds((s) => s.inspectError);
  const set = useBuilds((s) => s.setForm);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [starting, setStarting] = useState(false);
  const [confirmLarge, setConfirmLarge] = useState(false);
  const [reinspect, setReinspect] = useState(0);

  // Read the folder and its Dockerfile when they change (after typing pauses), and after an
  // "add to .dockerignore" (reinspect).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reinspect asks for a fresh count
  useEffect(() => {
    if (!form.folder.startsWith('/')) {
      useBuilds.getState().setInspect(null, null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      getBridge()
        .call('build:inspect', { folder: form.folder, dockerfile: form.dockerfile || 'Dockerfile' })
        .then(
          (i) => {
            if (!live) return;
            useBuilds.getState().setInspect(i, null);
            // Pre-fill the build args from the ARG lines, keeping what the user typed.
            const had = new Map(useBuilds.getState().form.buildArgs.map((a) => [a.name, a.value]));
            const args = (i.info?.args ?? []).map((a) => ({ name: a.name, value: had.get(a.name) ?? a.value ?? '' }));
            const target = useBuilds.getState().form.target;
            set({ buildArgs: args, ...(target && !i.info?.stages.includes(target) ? { target: undefined } : {}) });
          },
          (e: unknown) => live && useBuilds.getState().setInspect(null, e instanceof WharfError ? e.toJSON() : null),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [form.folder, form.dockerfile, set, reinspect]);

  const tagIssue = firstTagProblem(form.tagsText);
  const summary = inspect?.summary;
  const noDockerfile = inspect && !inspect.info;
  const canBuild = form.folder.startsWith('/') && !tagIssue && !!inspect && !noDockerfile && !starting;
  const build = async (): Promise<void> => {
    if (summary?.large && !confirmLarge) return;
    setStarting(true);
    const r = await startBuild(getBridge(), { ...form, tags: splitTags(form.tagsText) }, confirmLarge);
    setStarting(false);
    setError(r.error ?? null);
  };
  const cmd = buildCommand({ ...form, tags: splitTags(form.tagsText), folder: form.folder || '.' });

  return (
    <form
      className="build-form"
      aria-label={t('build.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (canBuild) void build();
      }}
    >
      <PathField
        label={t('build.folder')}
        value={form.folder}
        dirsOnly
        onChange={(folder) => set({ folder })}
        invalid={!!inspectError}
      />
      {inspectError && <ErrorNotice error={inspectError} />}
      <div className="build-form__row">
        <label>
          {t('build.dockerfile')}
          <select value={form.dockerfile} onChange={(e) => set({ dockerfile: e.target.value })}>
            {[...new Set(['Dockerfile', ...(inspect?.dockerfiles ?? []), form.dockerfile])].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label className="build-form__tags">
          {t('build.tags')}
          <input
            value={form.tagsText}
            placeholder="my-app:1.0"
            aria-invalid={!!tagIssue || undefined}
            aria-describedby="build-tags-hint"
            spellCheck={false}
            onChange={(e) => set({ tagsText: e.target.value })}
          />
        </label>
      </div>
      <p
        id="build-tags-hint"
        className={tagIssue ? 'build-form__problem' : 'build-form__hint'}
        role={tagIssue ? 'alert' : undefined}
      >
        {tagIssue ? `${tagIssue.tag}: ${t(`build.tagProblem.${tagIssue.problem}`)}` : t('build.tagsHint')}
      </p>
      {noDockerfile && (
        <p className="build-form__problem">{t('build.context.noDockerfile', { file: form.dockerfile })}</p>
      )}
      {inspect?.info && (
        <fieldset className="build-form__args">
          <legend>{t('build.args')}</legend>
          {form.buildArgs.length === 0 && <p className="muted">{t('build.noArgs')}</p>}
          {form.buildArgs.map((a, i) => (
            <label key={a.name} className="build-form__arg">
              <code>{a.name}</code>
              <input
                value={a.value}
                aria-label={`--build-arg ${a.name}`}
                onChange={(e) =>
                  set({ buildArgs: form.buildArgs.map((b, j) => (j === i ? { ...b, value: e.target.value } : b)) })
                }
              />
            </label>
          ))}
        </fieldset>
      )}
      <div className="build-form__row">
        {(inspect?.info?.stages.length ?? 0) > 0 && (
          <label>
            {t('build.target')}
            <select value={form.target ?? ''} onChange={(e) => set({ target: e.target.value || undefined })}>
              <option value="">{t('build.targetLast')}</option>
              {inspect?.info?.stages.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={form.noCache} onChange={(e) => set({ noCache: e.target.checked })} />
          {t('build.noCache')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.pull} onChange={(e) => set({ pull: e.target.checked })} />
          {t('build.pull')}
        </label>
      </div>
      {summary && (
        <ContextSummaryView
          summary={summary}
          onIgnore={(p) =>
            void addIgnore(getBridge(), form.folder, p).then((e) => {
              setError(e);
              setReinspect((n) => n + 1);
            })
          }
        />
      )}
      {summary?.large && (
        <label className="check build-form__problem">
          <input type="checkbox" checked={confirmLarge} onChange={(e) => setConfirmLarge(e.target.checked)} />
          {t('build.context.large', { size: formatBytes(summary.bytes) })} {t('build.context.sendAnyway')}
        </label>
      )}
      <code className="cli-inline" data-testid="build-cli">
        $ {cmd}
      </code>
      {error && <ErrorNotice error={error} />}
      <div>
        <button type="submit" className="btn btn--primary" disabled={!canBuild || (summary?.large && !confirmLarge)}>
          {starting ? t('build.starting') : t('build.start')}
        </button>
      </div>
    </form>
  );
}
