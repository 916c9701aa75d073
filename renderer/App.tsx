import { CliBar } from './components/CliBar';
import { ContainersView } from './features/containers/ContainersView';
import { EngineBanner } from './features/engine/EngineBanner';
import { ImagesView } from './features/images/ImagesView';
import { SearchBox, useSearchShortcut } from './features/search/SearchBox';
import { SettingsBanner } from './features/settings/SettingsBanner';
import { Sidebar } from './features/shell/Sidebar';
import { LazyPullPanel, LazyRegistriesDialog, LazyTargetsDialog, LazyVmPanel } from './LazyPanels';
import { useStore } from './store/store';

export function App(): React.JSX.Element {
  const view = useStore((s) => s.view);
  useSearchShortcut();
  return (
    <div className="app">
      <Sidebar />
      <main className="content">
        <EngineBanner />
        <SettingsBanner />
        {view === 'containers' ? <ContainersView /> : <ImagesView />}
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
