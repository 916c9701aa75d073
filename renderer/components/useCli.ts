import { useStore } from '../store/store';

/** Props that show `cmd` in the CLI bar while a control is hovered or focused. */
export function cliHintProps(cmd: string): {
  title: string;
  'data-cli': string;
  onMouseEnter(): void;
  onMouseLeave(): void;
  onFocus(): void;
  onBlur(): void;
} {
  const show = useStore.getState().showCli;
  return {
    title: cmd,
    'data-cli': cmd,
    onMouseEnter: () => show(cmd),
    onMouseLeave: () => show(null),
    onFocus: () => show(cmd),
    onBlur: () => show(null),
  };
}
