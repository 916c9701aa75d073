// The Build view's code (xterm, the form) loads when it is first opened, behind its own Suspense.
import { Suspense } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import { LoadingLine } from '../../components/Loading';

const BuildView = lazyNamed(() => import('./BuildView'), 'BuildView');

export function BuildViewLoader(): React.JSX.Element {
  return (
    <Suspense fallback={<LoadingLine />}>
      <BuildView />
    </Suspense>
  );
}
