// docker update from the Stats tab: the container's limits as the engine holds them, changed and
// sent; the command shown as it is typed. Problems the engine would refuse are shown on the field.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statsCli } from '../../../vm-backend/api/rules/stats-cli';
import { emptyLimits, parseBytes, type RunLimits, validateLimits } from '../../../vm-backend/api/rules/stats-limits';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorShape } from '../../lib/error-shape';
import { LimitFields } from './LimitFields';
import { Term } from '../../components/Term';

export function LimitsForm({
  id,
  name,
  hostCpus,
  onMemory,
}: {
  id: string;
  name: string;
  hostCpus: number | undefined;
  onMemory(memory: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [held, setHeld] = useState<RunLimits>(emptyLimits);
  const [value, setValue] = useState<RunLimits>(emptyLimits);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    getBridge()
      .call('stats:limits', { id })
      .then(
        (r) => live && (setHeld(r.limits), setValue(r.limits)),
        (e: unknown) => live && setError(errorShape(e)),
      );
    return () => {
      live = false;
    };
  }, [id]);
  const problems = useMemo(
    () =>
      validateLimits(value, {
        ...(hostCpus ? { hostCpus } : {}),
        currentMemory: held.memory ? (parseBytes(held.memory) ?? 0) : 0,
      }),
    [value, hostCpus, held],
  );
  // Only what changed goes to docker update, as a person would type it.
  const changed: RunLimits = useMemo(() => {
    const c = emptyLimits();
    for (const k of Object.keys(c) as (keyof RunLimits)[]) if (value[k] !== held[k]) c[k] = value[k];
    return c;
  }, [value, held]);
  const any = Object.values(changed).some((v) => v.trim());
  const apply = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const r = await getBridge().call('stats:update', { id, limits: changed });
      setHeld(r.limits);
      setValue(r.limits);
      setDone(true);
      onMemory(r.limits.memory);
    } catch (e) {
      setError(errorShape(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="limits-form"
      aria-label={t('limits.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!problems.length && any) void apply();
      }}
    >
      <h3>
        {t('limits.title')} <Term term="cgroup" compact />
      </h3>
      <LimitFields
        value={value}
        onChange={(v) => (setValue(v), setDone(false))}
        problems={problems}
        idPrefix={`upd-${id.slice(0, 12)}`}
      />
      <code className="cli-inline" data-testid="update-cli">
        $ {statsCli.update(name, changed)}
      </code>
      <button type="submit" className="btn btn--small" disabled={busy || !any || problems.length > 0}>
        {t('limits.apply')}
      </button>
      {done && (
        <span role="status" className="limits-form__done">
          {t('limits.applied')}
        </span>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
