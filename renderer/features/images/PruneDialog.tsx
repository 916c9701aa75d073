import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { PrunePreview } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { PruneDialog as PruneQuestion } from '../../components/PruneDialog';
import { loadPrunePreview, pruneImages } from './image-actions';

const load = () => loadPrunePreview(getBridge());
const prune = () => pruneImages(getBridge());
const measure = (p: PrunePreview) => ({ count: p.images.length, bytes: p.bytes });

/** Prune dangling images, saying first how many and how much space it frees. */
export function PruneDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <PruneQuestion
      ns="images"
      load={load}
      prune={prune}
      measure={measure}
      cli={dockerCli.imagePrune()}
      testId="prune-preview"
      onClose={onClose}
    />
  );
}
