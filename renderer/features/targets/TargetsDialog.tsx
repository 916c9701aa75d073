// Engines (targets): the engines Wharf knows, the one in use, and adding, testing, switching to and
// removing them. Reached from the sidebar and from the engine banner. `wharf context` does the same.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../store/store';
import { SettingsNotices } from '../settings/SettingsNotices';
import { cli } from './target-cli';
import { TargetFormView } from './TargetFormView';
import { TargetRow } from './TargetRow';
import { EMPTY_FORM, useTargets } from './targets-store';
import './targets.css';

export function TargetsDialog(): React.JSX.Element | null {
  const open = useTargets((s) => s.open);
  return open ? <TargetsBody /> : null;
}

/** The command of the control under the pointer, or of the last action, inside the dialog. */
function DialogCli(): React.JSX.Element {
  const cmd = useStore((s) => s.cliHover ?? s.cliLast) ?? cli.list();
  return (
    <code className="cli-inline" data-testid="targets-cli">
      $ {cmd}
    </code>
  );
}

function TargetsBody(): React.JSX.Element {
  const { t } = useTranslation();
  const overview = useTargets((s) => s.overview);
  const error = useTargets((s) => s.error);
  const form = useTargets((s) => s.form);
  const busy = useTargets((s) => s.busy);
  const close = useCallback(() => useTargets.getState().show(false), []);
  return (
    <Dialog
      title={t('targets.title')}
      onClose={close}
      footer={
        <button type="button" className="btn" data-close onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted small">{t('targets.intro')}</p>
      <SettingsNotices status={overview} only={['targets.json']} />
      <ul className="targets" aria-label={t('targets.list')}>
        {!overview && <li className="muted small">{t('common.loading')}</li>}
        {overview?.targets.map((tg) => (
          <TargetRow key={tg.name} target={tg} active={tg.name === overview.active} />
        ))}
      </ul>
      {error && <ErrorNotice error={error} />}
      {form ? (
        <TargetFormView form={form} />
      ) : (
        <button
          type="button"
          className="btn"
          disabled={!!busy}
          onClick={() => useTargets.getState().edit({ ...EMPTY_FORM })}
        >
          {t('targets.add')}
        </button>
      )}
      <DialogCli />
    </Dialog>
  );
}
