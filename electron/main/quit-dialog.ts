// The quit question's message box: "Stop the VM too?" with its three answers in QUIT_BUTTONS'
// order and "Remember my choice". Esc or closing the box is Cancel.
import type { MessageBoxOptions } from 'electron';
import { QUIT_BUTTONS } from './quit-decision';
import type { ShellText } from './shell-text';

const LABEL = { stop: 'quitStop', keep: 'quitKeep', cancel: 'quitCancel' } as const;

export function quitDialogOptions(t: ShellText): MessageBoxOptions {
  return {
    type: 'question',
    title: t('quitTitle'),
    message: t('quitMessage'),
    detail: t('quitDetail'),
    buttons: QUIT_BUTTONS.map((b) => t(LABEL[b])),
    defaultId: QUIT_BUTTONS.indexOf('stop'),
    cancelId: QUIT_BUTTONS.indexOf('cancel'),
    checkboxLabel: t('quitRemember'),
    checkboxChecked: false,
    noLink: true,
  };
}
