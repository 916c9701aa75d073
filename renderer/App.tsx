import { Suspense } from 'react';
import { CliBar } from './components/CliBar';
import { LoadingLine } from './components/Loading';
import { ViewBoundary } from './components/ViewBoundary';
import { VIEWS } from './domains';
import { EngineBanner } from './features/engine/EngineBanner';
import { FirstRunOffer } from './features/learn/FirstRunOffer';
import { SearchBox, useSearchShortcut } from './features/search/SearchBox';
import { SettingsBanner } from './features/settings/SettingsBanner';
import { Sidebar } from './features/shell/Sidebar';
import { LazyPullPanel, LazyRegistriesDialog, LazyTargetsDialog, LazyVmPanel } from './LazyPanels';
import { useStore } from './store/store';

export function App(): React.JSX.Element {
  const view = useStore((s) => s.view);
  const { View } = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  useSearchShortcut();
  return (
    <div className="app">
      <Sidebar />
      <main className="content">
        <EngineBanner />
        <SettingsBanner />
        <FirstRunOffer />
        {/* A view loaded on first open (lazyNamed in domains.ts) shows a loading line meanwhile. */}
        <ViewBoundary key={view}>
          <Suspense fallback={<LoadingLine />}>
            <View />
          </Suspense>
        </ViewBoundary>
      </main>
      <SearchBox />
      <LazyPullPanel />
      <LazyRegistriesDialog />
      <LazyVmPanel />
      <LazyTargetsDialog />
      <CliBar />
    </div>
  );
}
