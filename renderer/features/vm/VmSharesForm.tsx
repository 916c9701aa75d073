import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmSettingsResult } from '../../../vm-backend/api/contract.vm';
import { shareIssues } from '../../../vm-backend/api/rules/vm-share-rules';
import type { VmProblem } from '../../../vm-backend/api/vm-types';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { AppliedNotice } from './AppliedNotice';
import { VmProblemView } from './VmProblemView';
import { asProblem, useVm } from './vm-store';
import { sharesCommand } from './vm-text';

/** The folders of this computer the VM mounts at the same path: add, remove, checked as typed (no
 *  `/`, none inside another), saved with the backend's own check (each must exist), and a restart
 *  asked for when the VM runs. */
export function VmSharesForm({ current, live }: { current: string[]; live: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const bridge = getBridge();
  const [list, setList] = useState<string[]>(current);
  const [adding, setAdding] = useState('');
  const [result, setResult] = useState<VmSettingsResult | null>(null);
  const [error, setError] = useState<VmProblem | null>(null);
  const issues = shareIssues(list);
  const changed = JSON.stringify(list) !== JSON.stringify(current);
  const cmd = sharesCommand(list);
  const edit = (next: string[]): void => {
    setList(next);
    setResult(null);
    setError(null);
  };
  const add = (): void => {
    const p = adding.trim();
    if (p) edit([...list, p]);
    setAdding('');
  };
  const save = async (): Promise<void> => {
    try {
      const r = await bridge.call('vm:settings', { shares: list });
      setResult(r);
      if (r.applied)
        useVm.setState((s) => ({ overview: s.overview ? { ...s.overview, settings: r.settings } : s.overview }));
    } catch (e) {
      setError(asProblem(e));
    }
  };
  return (
    <section className="vm-settings vm-shares" aria-label={t('vmPanel.shares.title')}>
      <h3>{t('vmPanel.shares.title')}</h3>
      <p className="muted small">{t('vmPanel.shares.intro')}</p>
      {list.length === 0 && <p className="small">{t('vmPanel.shares.none')}</p>}
      <ul className="vm-shares__list">
        {list.map((p, i) => {
          const issue = issues.find((x) => x.path === p);
          return (
            <li key={`${i}-${p}`}>
              <code data-testid="vm-share-path">{p}</code>
              <button
                type="button"
                className="btn btn--small"
                aria-label={t('vmPanel.shares.remove', { path: p })}
                onClick={() => edit(list.filter((_, j) => j !== i))}
              >
                ×
              </button>
              {issue && (
                <span className="run-field-error" data-testid="vm-share-error">
                  {t(`vmPanel.shares.error.${issue.code}`, { other: issue.other ?? '' })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="vm-shares__add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="vm-share-add">{t('vmPanel.shares.addLabel')}</label>
        <input
          id="vm-share-add"
          type="text"
          value={adding}
          placeholder="/Users/you/projects"
          onChange={(e) => setAdding(e.target.value)}
        />
        <button type="submit" className="btn" disabled={!adding.trim()}>
          {t('vmPanel.shares.add')}
        </button>
      </form>
      {changed && issues.length === 0 && (
        <p className="small" data-testid="vm-shares-plan">
          {live ? t('vmPanel.shares.needsRestart') : t('vmPanel.shares.nextStart')}
        </p>
      )}
      <code className="cli-inline" data-testid="vm-shares-cli">
        $ {cmd}
      </code>
      <div className="vm-actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={issues.length > 0 || !changed}
          onClick={() => void save()}
          {...cliHintProps(cmd)}
        >
          {t('vmPanel.shares.apply')}
        </button>
        <AppliedNotice result={result} bridge={bridge} restartTestId="vm-shares-restart-notice" />
      </div>
      {error && <VmProblemView problem={error} kind="error" testId="vm-shares-error" />}
    </section>
  );
}
