import { CliBar } from './components/CliBar';
import { ContainersView } from './features/containers/ContainersView';
import { EngineBanner } from './features/engine/EngineBanner';
import { ImagesView } from './features/images/ImagesView';
import { PullPanel } from './features/pull/PullPanel';
import { RegistriesDialog } from './features/registries/RegistriesDialog';
import { SearchBox, useSearchShortcut } from './features/search/SearchBox';
import { Sidebar } from './features/shell/Sidebar';
import { TargetsDialog } from './features/targets/TargetsDialog';
import { VmPanel } from './features/vm/VmPanel';
import { useStore } from './store/store';

export function App(): React.JSX.Element {
  const view = useStore((s) => s.view);
  useSearchShortcut();
  return (
    <div className="app">
      <Sidebar />
      <main className="content">
        <EngineBanner />
        {view === 'containers' ? <ContainersView /> : <ImagesView />}
      </main>
      <SearchBox />
      <PullPanel />
      <RegistriesDialog />
      <VmPanel />
      <TargetsDialog />
      <CliBar />
    </div>
  );
}
