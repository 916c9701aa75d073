// Every benchmark `npm run bench` runs, in order. `npm run bench -- <name>` runs one.
import { appProtocol } from './app-protocol.bench';
import { coldStart } from './cold-start.bench';
import { composeUp } from './compose-up.bench';
import { engineRestart } from './engine-restart.bench';
import { contractFuzz } from './contract-fuzz.bench';
import { eventsToUi } from './events-to-ui.bench';
import { filesBench } from './files.bench';
import { lessonCheck } from './lesson-check.bench';
import { list1000 } from './list-1000.bench';
import { runOverhead } from './run-overhead.bench';
import { logs200k } from './logs-200k.bench';
import { networksBench } from './networks.bench';
import { pullOverhead } from './pull-overhead.bench';
import { buildContext, buildOverhead } from './build.bench';
import { pushOverhead } from './push.bench';
import { portForward } from './port-forward.bench';
import { reconnect } from './reconnect.bench';
import { sshApi } from './ssh-api.bench';
import type { Bench } from './types';
import { vmBench } from './vm.bench';
import { vmShareBench } from './vm-share.bench';
import { searchFirstResults } from './search.bench';
import { volumes200 } from './volumes-200.bench';
import { statsBench } from './stats.bench';

export const benches: Record<string, Bench> = {
  'cold-start': coldStart,
  'events-to-ui': eventsToUi,
  'list-1000': list1000,
  'run-overhead': runOverhead,
  'logs-200k': logs200k,
  'pull-overhead': pullOverhead,
  search: searchFirstResults,
  'ssh-api': sshApi,
  'port-forward': portForward,
  reconnect,
  'engine-restart': engineRestart,
  vm: vmBench,
  'vm-share': vmShareBench,
  'contract-fuzz': contractFuzz,
  'app-protocol': appProtocol,
  networks: networksBench,
  'volumes-200': volumes200,
  files: filesBench,
  'build-overhead': buildOverhead,
  'build-context': buildContext,
  'push-overhead': pushOverhead,
  'compose-up': composeUp,
  stats: statsBench,
  'lesson-check': lessonCheck,
};
