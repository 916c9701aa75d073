// Add or edit an SSH engine: a name, user@host:port and (optionally) a private key file. The
// command it stands for is shown as the user types; the backend checks everything again.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { cli } from './target-cli';
import { type TargetForm, useTargets } from './targets-store';

export function TargetFormView({ form }: { form: TargetForm }): React.JSX.Element {
  const { t } = useTranslation();
  const busy = useTargets((s) => s.busy);
  const edit = useTargets((s) => s.edit);
  const set = (patch: Partial<TargetForm>): void => edit({ ...form, ...patch });
  const address = form.address.trim();
  const cmd = cli.add(
    form.name.trim() || 'NAME',
    `ssh://${address || 'user@host:22'}`,
    form.identity.trim() || undefined,
  );
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    useStore.getState().ranCli(cmd);
    await useTargets.getState().save(form);
  };
  return (
    <form
      className="target-form"
      aria-label={form.previous ? t('targets.editTitle', { name: form.previous }) : t('targets.addTitle')}
      onSubmit={(e) => void submit(e)}
    >
      <h3>{form.previous ? t('targets.editTitle', { name: form.previous }) : t('targets.addTitle')}</h3>
      <label>
        {t('targets.name')}
        <input
          name="name"
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder="build-server"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label>
        {t('targets.address')}
        <input
          name="address"
          value={form.address}
          onChange={(e) => set({ address: e.target.value })}
          placeholder="deploy@192.168.1.20:22"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label>
        {t('targets.identity')}
        <input
          name="identity"
          value={form.identity}
          onChange={(e) => set({ identity: e.target.value })}
          placeholder="/home/me/.ssh/id_ed25519"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p className="muted small">{t('targets.identityHelp')}</p>
      <code className="cli-inline" data-testid="target-form-cli">
        $ {cmd}
      </code>
      <div className="target__actions">
        <button type="submit" className="btn" disabled={!!busy || !form.name.trim() || !address}>
          {t('targets.save')}
        </button>
        <button type="button" className="btn" onClick={() => edit(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
