// The dialogs and panels App mounts that nobody needs on the first screen: each one's code loads the
// first time it opens (React.lazy), so the first paint parses only what the lists need.
import { Suspense, useState } from 'react';
import { lazyNamed } from './components/lazy-named';
import { LoadingDialog } from './components/Loading';
import { ViewBoundary } from './components/ViewBoundary';
import { usePulls } from './features/pull/pull-store';
import { useRegistriesDialog } from './features/registries/registries-store';
import { useTargets } from './features/targets/targets-store';
import { useVm } from './features/vm/vm-store';

const PullPanel = lazyNamed(() => import('./features/pull/PullPanel'), 'PullPanel');
const RegistriesDialog = lazyNamed(() => import('./features/registries/RegistriesDialog'), 'RegistriesDialog');
const TargetsDialog = lazyNamed(() => import('./features/targets/TargetsDialog'), 'TargetsDialog');
const VmPanel = lazyNamed(() => import('./features/vm/VmPanel'), 'VmPanel');

/** Pulls (and zod, which the layer progress brings): only once a pull has started. The panel
 *  shows up when its code has arrived; there is nothing to hold its place before. */
export function LazyPullPanel(): React.JSX.Element | null {
  const any = usePulls((s) => s.order.length > 0);
  return any ? (
    <ViewBoundary>
      <Suspense fallback={null}>
        <PullPanel />
      </Suspense>
    </ViewBoundary>
  ) : null;
}

export function LazyRegistriesDialog(): React.JSX.Element | null {
  const open = useRegistriesDialog((s) => s.open);
  return open ? (
    <ViewBoundary>
      <Suspense fallback={<LoadingDialog />}>
        <RegistriesDialog />
      </Suspense>
    </ViewBoundary>
  ) : null;
}

export function LazyTargetsDialog(): React.JSX.Element | null {
  const open = useTargets((s) => s.open);
  return open ? (
    <ViewBoundary>
      <Suspense fallback={<LoadingDialog />}>
        <TargetsDialog />
      </Suspense>
    </ViewBoundary>
  ) : null;
}

/** Loaded on the first open, then kept mounted as before (it hides itself while closed), so its
 *  console and settings stay as they were between opens. */
export function LazyVmPanel(): React.JSX.Element | null {
  const shown = useVm((s) => s.open && Boolean(s.overview));
  const [wanted, setWanted] = useState(false);
  if (shown && !wanted) setWanted(true);
  return wanted ? (
    <ViewBoundary>
      <Suspense fallback={<LoadingDialog />}>
        <VmPanel />
      </Suspense>
    </ViewBoundary>
  ) : null;
}
