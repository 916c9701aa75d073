import { Suspense } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import { LoadingDialog } from '../../components/Loading';
import { useRunDialog } from './run-store';

// The run dialog (forms, port checks, `docker run` parsing) loads when it first opens.
const RunDialog = lazyNamed(() => import('./RunDialog'), 'RunDialog');

/** Mounted by the views: shows the dialog when something asked for it. */
export function RunDialogHost(): React.JSX.Element | null {
  const source = useRunDialog((s) => s.source);
  if (!source) return null;
  return (
    <Suspense fallback={<LoadingDialog />}>
      <RunDialog key={JSON.stringify(source)} source={source} />
    </Suspense>
  );
}
