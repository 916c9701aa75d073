// Every domain the window shows, registered once: its main view (a sidebar entry, labelled by the
// catalog key `nav.<id>`, and what the main area shows) and its subscriber (how its backend events
// reach its store, started once at start-up). A new domain adds its feature folder, with its texts
// in features/<domain>/i18n/{en,ko}.json (merged by i18n/catalogs.ts), and its entries here.
// A view nobody needs on the first screen loads on first open: lazyNamed(() => import(...), 'X').
import type { ComponentType } from 'react';
import type { Bridge } from './bridge/types';
import { lazyNamed } from './components/lazy-named';
import { subscribeCompose } from './features/compose/compose-store';
import { ContainersView } from './features/containers/ContainersView';
import { ImagesView } from './features/images/ImagesView';
import { subscribeLearn } from './features/learn/learn-store';
import { subscribeNetworks } from './features/networks/networks-store';
import { subscribeBuilds } from './features/build/build-store';
import { subscribePushes } from './features/push/push-store';
import { subscribePulls } from './features/pull/pull-store';
import { subscribeTargets } from './features/targets/targets-store';
import { subscribeVm } from './features/vm/vm-store';
import { subscribeVolumes } from './features/volumes/volumes-store';
import { subscribeLists } from './store/sync';

export interface MainView {
  /** The store's `view` while it shows; the sidebar's label is the catalog key `nav.<id>`. */
  id: string;
  View: ComponentType;
}

export const VIEWS: readonly [MainView, ...MainView[]] = [
  { id: 'containers', View: ContainersView },
  { id: 'images', View: ImagesView },
  { id: 'build', View: lazyNamed(() => import('./features/build/BuildView'), 'BuildView') },
  { id: 'volumes', View: lazyNamed(() => import('./features/volumes/VolumesView'), 'VolumesView') },
  { id: 'networks', View: lazyNamed(() => import('./features/networks/NetworksView'), 'NetworksView') },
  { id: 'projects', View: lazyNamed(() => import('./features/compose/ProjectsView'), 'ProjectsView') },
  { id: 'learn', View: lazyNamed(() => import('./features/learn/LearnView'), 'LearnView') },
];

/** Wires a domain's events into its store; returns what undoes it. */
export type Subscriber = (bridge: Bridge) => () => void;

export const SUBSCRIBERS: readonly Subscriber[] = [
  subscribeLists, // engine:state, containers:changed, images:changed; the lists on (re)connect
  subscribeVm, // vm:state; the VM's overview on (re)connect and after an engine switch
  subscribeTargets, // engine:state's target: the engines dialog and the VM panel follow a switch
  subscribePulls, // pull:progress (this window's pulls only)
  subscribeNetworks, // networks:changed; the networks list whenever the engine becomes ready
  subscribeVolumes, // volumes:changed; the volume list again when a new engine is ready
  subscribeBuilds, // build:changed, build:output; build:list on (re)connect
  subscribePushes, // push:progress (this window's pushes only)
  subscribeCompose, // compose:progress (this window's compose actions only)
  subscribeLearn, // no events of its own: re-checks the started lessons when the lists change
];
