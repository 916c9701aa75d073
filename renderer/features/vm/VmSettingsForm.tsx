import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmSettingsResult, VmSettingsView } from '../../../vm-backend/api/contract.vm';
import { type HostLimits, type ResourceField, settingsIssues } from '../../../vm-backend/api/rules/vm-settings-rules';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { vmApplySettings } from './vm-store';
import { settingsCommand } from './vm-text';
import { AppliedNotice } from './AppliedNotice';

const FIELDS: ResourceField[] = ['cpus', 'memoryMiB', 'diskGiB'];

/** CPUs, memory and disk size: checked as typed (limits, grow-only disk, this computer's memory),
 *  with what needs a restart said before Apply, and "Restart now" after it. */
export function VmSettingsForm({
  current,
  host,
  live,
}: {
  current: VmSettingsView;
  host: HostLimits;
  live: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<ResourceField, string>>({
    cpus: String(current.cpus),
    memoryMiB: String(current.memoryMiB),
    diskGiB: String(current.diskGiB),
  });
  const [result, setResult] = useState<VmSettingsResult | null>(null);
  const nums = Object.fromEntries(FIELDS.map((f) => [f, form[f].trim() === '' ? NaN : Number(form[f])])) as Record<
    ResourceField,
    number
  >;
  const issues = settingsIssues(current, nums, host);
  const changed = FIELDS.filter((f) => nums[f] !== current[f]);
  const bridge = getBridge();
  const cmd = settingsCommand(form);
  const apply = async (): Promise<void> => {
    setResult(await vmApplySettings(bridge, { cpus: nums.cpus, memoryMiB: nums.memoryMiB, diskGiB: nums.diskGiB }));
  };
  return (
    <form
      className="vm-settings"
      aria-label={t('vmPanel.settings.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <h3>{t('vmPanel.settings.title')}</h3>
      <div className="vm-settings__row">
        {FIELDS.map((f) => {
          const issue = issues.find((i) => i.field === f);
          const id = `vm-set-${f}`;
          return (
            <div key={f} className="vm-field">
              <label htmlFor={id}>{t(`vmPanel.settings.field.${f}`)}</label>
              <input
                id={id}
                type="number"
                inputMode="numeric"
                value={form[f]}
                aria-invalid={issue ? 'true' : 'false'}
                aria-describedby={issue ? `${id}-err` : undefined}
                onChange={(e) => {
                  setForm({ ...form, [f]: e.target.value });
                  setResult(null);
                }}
              />
              {issue && (
                <span id={`${id}-err`} className="run-field-error" data-testid={`vm-settings-error-${f}`}>
                  {t(`vmPanel.settings.error.${issue.code}`, { limit: issue.limit })}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <p className="muted small">{t('vmPanel.settings.hostHas', { cpus: host.cpus, memory: host.memoryMiB })}</p>
      {changed.length > 0 && issues.length === 0 && (
        <p className="small" data-testid="vm-settings-plan">
          {live
            ? t('vmPanel.settings.needsRestart', {
                fields: changed.map((f) => t(`vmPanel.settings.field.${f}`)).join(', '),
              })
            : t('vmPanel.settings.nextStart')}
        </p>
      )}
      <code className="cli-inline" data-testid="vm-settings-cli">
        $ {cmd}
      </code>
      <div className="vm-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={issues.length > 0 || changed.length === 0}
          {...cliHintProps(cmd)}
        >
          {t('vmPanel.settings.apply')}
        </button>
        <AppliedNotice result={result} bridge={bridge} restartTestId="vm-settings-restart-notice" />
        {result && !result.applied && (
          <span className="run-field-error" role="alert">
            {result.refused.map((r) => `${r.field}: ${r.reason}`).join('; ')}
          </span>
        )}
      </div>
    </form>
  );
}
