import type { VolumePrunePreview } from '../../../vm-backend/api/contract.volumes';
import { getBridge } from '../../bridge';
import { PruneDialog } from '../../components/PruneDialog';
import { loadPrunePreview, pruneCli, pruneVolumes } from './volume-actions';

const load = () => loadPrunePreview(getBridge());
const prune = () => pruneVolumes(getBridge());
const measure = (p: VolumePrunePreview) => ({ count: p.volumes.length, bytes: p.bytes });
const names = (p: VolumePrunePreview) => p.volumes.map((v) => v.name);

/** Prune unused volumes, naming them and the space it frees first. */
export function PruneVolumesDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <PruneDialog
      ns="volumes"
      load={load}
      prune={prune}
      measure={measure}
      names={names}
      cli={pruneCli()}
      testId="volume-prune-preview"
      onClose={onClose}
    />
  );
}
