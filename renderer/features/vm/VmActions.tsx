import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmDataSummary, VmStatus } from '../../../vm-backend/api/contract.vm';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { vmAction, vmDiagnose, vmUseEngine } from './vm-store';

type Confirm = { kind: 'reset' } | { kind: 'delete-data'; summary: VmDataSummary | null };

const mib = (b: number | null): string => (b === null ? '?' : `${Math.round(b / 2 ** 20)} MiB`);

/** Start, Stop, Restart, Force stop, Reset, Delete data, Diagnose: each names its `wharf vm` command;
 *  the two destructive ones ask first and say what is lost and what stays. While another engine is
 *  active and the VM runs, "Use this engine" switches to it (`wharf context use vm`). */
export function VmActions({ s, busy, inUse }: { s: VmStatus; busy: boolean; inUse: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const bridge = getBridge();
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const st = s.state;
  const canStart = ['absent', 'stopped', 'error'].includes(st);
  const up = ['running', 'degraded'].includes(st);
  const settled = ['stopped', 'running', 'degraded', 'error', 'broken'].includes(st);
  const askDelete = async (): Promise<void> => {
    setConfirm({ kind: 'delete-data', summary: null });
    const summary = await bridge.call('vm:data-summary', {}).catch(() => null);
    setConfirm((c) => (c?.kind === 'delete-data' ? { kind: 'delete-data', summary } : c));
  };
  const btn = (
    label: string,
    cmd: string,
    onClick: () => void,
    opts: { primary?: boolean; danger?: boolean; disabled?: boolean } = {},
  ): React.JSX.Element => (
    <button
      type="button"
      className={`btn${opts.primary ? ' btn--primary' : ''}${opts.danger ? ' btn--danger' : ''}`}
      disabled={opts.disabled}
      onClick={onClick}
      {...cliHintProps(cmd)}
    >
      {label}
    </button>
  );
  const sum = confirm?.kind === 'delete-data' ? confirm.summary : null;
  return (
    <div className="vm-actions-block">
      <div className="vm-actions" role="group" aria-label={t('vmPanel.actions.title')}>
        {!inUse &&
          st === 'running' &&
          btn(t('vmPanel.engine.use'), 'wharf context use vm', () => void vmUseEngine(bridge), {
            primary: true,
            disabled: busy,
          })}
        {canStart &&
          btn(t('vm.start'), 'wharf vm start', () => void vmAction(bridge, 'start'), { primary: true, disabled: busy })}
        {(up || st === 'starting') &&
          btn(t('vm.stop'), 'wharf vm stop', () => void vmAction(bridge, 'stop'), {
            disabled: busy && st !== 'starting',
          })}
        {(up || st === 'error' || st === 'broken') &&
          btn(t('vmPanel.actions.restart'), 'wharf vm restart', () => void vmAction(bridge, 'restart'), {
            disabled: busy,
          })}
        {['starting', 'running', 'degraded', 'stopping', 'broken'].includes(st) &&
          btn(t('vm.forceStop'), 'wharf vm stop --force', () => void vmAction(bridge, 'force-stop'))}
        {st !== 'absent' &&
          btn(t('vmPanel.actions.reset'), 'wharf vm reset', () => setConfirm({ kind: 'reset' }), {
            disabled: busy || !settled,
          })}
        {st !== 'absent' &&
          btn(t('vmPanel.actions.deleteData'), 'wharf vm delete-data --yes', () => void askDelete(), {
            danger: true,
            disabled: busy || !settled,
          })}
        {btn(t('vmPanel.actions.diagnose'), 'wharf vm diagnose', () => void vmDiagnose(bridge), { disabled: busy })}
      </div>
      {confirm && (
        <div
          className="vm-confirm"
          role="alertdialog"
          aria-label={t(confirm.kind === 'reset' ? 'vmPanel.confirm.resetTitle' : 'vmPanel.confirm.deleteTitle')}
          data-testid="vm-confirm"
        >
          <strong>{t(confirm.kind === 'reset' ? 'vmPanel.confirm.resetTitle' : 'vmPanel.confirm.deleteTitle')}</strong>
          {confirm.kind === 'reset' ? (
            <ul>
              <li>{t('vmPanel.confirm.resetLost')}</li>
              <li>{t('vmPanel.confirm.resetKept')}</li>
            </ul>
          ) : (
            <ul>
              <li data-testid="vm-confirm-lost">
                {sum && sum.images !== null
                  ? t('vmPanel.confirm.deleteLost', {
                      images: sum.images,
                      containers: sum.containers,
                      volumes: sum.volumes,
                    })
                  : t('vmPanel.confirm.deleteLostUnknown')}
              </li>
              {sum?.diskBytes != null && <li>{t('vmPanel.confirm.diskUsed', { size: mib(sum.diskBytes) })}</li>}
              <li>{t('vmPanel.confirm.deleteKept')}</li>
            </ul>
          )}
          {up && <p className="small">{t('vmPanel.confirm.restarts')}</p>}
          <code className="cli-inline">
            $ {confirm.kind === 'reset' ? 'wharf vm reset' : 'wharf vm delete-data --yes'}
          </code>
          <div className="vm-actions">
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => {
                const k = confirm.kind;
                setConfirm(null);
                void vmAction(bridge, k);
              }}
            >
              {t(confirm.kind === 'reset' ? 'vmPanel.confirm.doReset' : 'vmPanel.confirm.doDelete')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
