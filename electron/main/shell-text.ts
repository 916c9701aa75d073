// The few words the desktop shell says itself (the quit question, the tray, the menu, notices),
// in English and Korean; the page has its own catalogs. Korean is written for beginners.
const en = {
  quitTitle: 'Quit Wharf',
  quitMessage: 'Stop the VM too?',
  quitDetail:
    "Wharf's Linux VM is still running. Stopping it frees this computer's memory and CPU; your images, containers and volumes stay on its disk. Left running, your containers keep serving and Wharf finds the VM again next time.",
  quitStop: 'Stop VM and quit',
  quitKeep: 'Keep VM running',
  quitCancel: 'Cancel',
  quitRemember: 'Remember my choice',
  trayTooltip: 'Wharf',
  trayOpen: 'Open Wharf',
  trayEngine: 'Docker: {state}',
  trayVm: 'VM: {state}',
  trayRunning: 'Running containers: {count}',
  trayStartVm: 'Start VM',
  trayStopVm: 'Stop VM',
  trayQuit: 'Quit Wharf',
  'engine.ready': 'running',
  'engine.connecting': 'connecting…',
  'engine.degraded': 'reconnecting…',
  'engine.unreachable': 'not reachable',
  'vm.absent': 'not created',
  'vm.creating': 'creating…',
  'vm.stopped': 'stopped',
  'vm.starting': 'starting…',
  'vm.running': 'running',
  'vm.degraded': 'reconnecting…',
  'vm.stopping': 'stopping…',
  'vm.broken': 'needs attention',
  'vm.error': 'failed',
  'vm.unknown': 'unknown',
  menuFile: 'File',
  menuEdit: 'Edit',
  menuView: 'View',
  menuWindow: 'Window',
  menuHelp: 'Help',
  menuDocs: 'Docker documentation',
  pullDoneTitle: 'Pull finished',
  pullDoneBody: '{ref} is ready to run.',
  pullFailedTitle: 'Pull failed',
  pullFailedBody: '{ref} could not be pulled. Open Wharf to see why.',
};

export type ShellTextKey = keyof typeof en;

const ko: Record<ShellTextKey, string> = {
  quitTitle: 'Wharf 종료',
  quitMessage: 'VM도 함께 끌까요?',
  quitDetail:
    'Wharf의 리눅스 VM이 아직 켜져 있어요. 끄면 이 컴퓨터의 메모리와 CPU를 돌려받고, 이미지·컨테이너·볼륨은 VM 디스크에 그대로 남아요. 켜 두면 컨테이너가 계속 동작하고, 다음에 Wharf를 열 때 이 VM에 다시 연결해요.',
  quitStop: 'VM 끄고 종료',
  quitKeep: 'VM 켜 둔 채 종료',
  quitCancel: '취소',
  quitRemember: '이 선택 기억하기',
  trayTooltip: 'Wharf',
  trayOpen: 'Wharf 열기',
  trayEngine: 'Docker: {state}',
  trayVm: 'VM: {state}',
  trayRunning: '실행 중인 컨테이너: {count}개',
  trayStartVm: 'VM 켜기',
  trayStopVm: 'VM 끄기',
  trayQuit: 'Wharf 종료',
  'engine.ready': '동작 중',
  'engine.connecting': '연결하는 중…',
  'engine.degraded': '다시 연결하는 중…',
  'engine.unreachable': '연결할 수 없음',
  'vm.absent': '아직 만들지 않음',
  'vm.creating': '만드는 중…',
  'vm.stopped': '꺼짐',
  'vm.starting': '켜는 중…',
  'vm.running': '동작 중',
  'vm.degraded': '다시 연결하는 중…',
  'vm.stopping': '끄는 중…',
  'vm.broken': '확인이 필요해요',
  'vm.error': '실패',
  'vm.unknown': '알 수 없음',
  menuFile: '파일',
  menuEdit: '편집',
  menuView: '보기',
  menuWindow: '창',
  menuHelp: '도움말',
  menuDocs: 'Docker 문서',
  pullDoneTitle: '이미지 받기 완료',
  pullDoneBody: '{ref} 이미지를 바로 실행할 수 있어요.',
  pullFailedTitle: '이미지 받기 실패',
  pullFailedBody: '{ref} 이미지를 받지 못했어요. Wharf를 열어 이유를 확인하세요.',
};

export type ShellText = (key: ShellTextKey, params?: Record<string, string | number>) => string;

export const SHELL_CATALOGS = { en, ko } as const;

/** The catalog for a system locale ("ko", "ko-KR": Korean; anything else: English). */
export function shellText(locale: string): ShellText {
  const catalog: Record<ShellTextKey, string> = /^ko\b/i.test(locale) ? ko : en;
  return (key, params) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => String(params?.[name] ?? m));
}
