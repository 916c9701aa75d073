import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import { networkCli } from '../../../vm-backend/api/rules/network-cli';
import { checkSubnet } from '../../../vm-backend/api/rules/network-subnets';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { createNetwork } from './network-actions';
import { takenSubnets } from './network-items';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `docker network create` (bridge): name, optional subnet and gateway, internal. */
export function CreateNetworkDialog({ taken, onClose }: { taken: NetworkRow[]; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = checkSubnet({ subnet, gateway }, takenSubnets(taken));
  const nameBad = name !== '' && (!NAME.test(name) || name.length > 64);
  const input = {
    name,
    internal,
    ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
    ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
  };
  const create = async (): Promise<void> => {
    setBusy(true);
    const e = await createNetwork(getBridge(), input);
    setBusy(false);
    if (e) setError(e);
    else onClose();
  };
  return (
    <Dialog
      title={t('networks.createTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn" disabled={!name || nameBad || busy} onClick={() => void create()}>
            {t('networks.createConfirm')}
          </button>
        </>
      }
    >
      <form
        className="networks__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name && !nameBad && !busy) void create();
        }}
      >
        <label>
          {t('networks.field.name')}
          <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} aria-invalid={nameBad} />
        </label>
        {nameBad && <p className="networks__fieldError">{t('networks.nameRule')}</p>}
        <label>
          {t('networks.field.subnet')}
          <input value={subnet} placeholder="10.123.0.0/24" onChange={(e) => setSubnet(e.target.value)} />
        </label>
        <label>
          {t('networks.field.gateway')}
          <input value={gateway} placeholder="10.123.0.1" onChange={(e) => setGateway(e.target.value)} />
        </label>
        {problem && (
          <p className="networks__fieldError" data-testid="subnet-problem" data-kind={problem.kind}>
            {t(`networks.problem.${problem.kind}`, problem)}
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          {t('networks.field.internal')}
        </label>
        <p className="networks__note">{t('networks.subnetHelp')}</p>
        <button type="submit" hidden />
      </form>
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {networkCli.create(input)}</code>
    </Dialog>
  );
}
