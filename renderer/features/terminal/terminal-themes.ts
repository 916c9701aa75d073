// xterm's colours for each page theme. xterm draws its own colours (canvas or inline styles), so
// CSS variables cannot reach it: the terminal is given one of these and switched live.
import type { ISearchDecorationOptions } from '@xterm/addon-search';
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../theme/theme-preference';

// Dark: VS Code's dark terminal colours. Light: its light ones, with green darkened to read
// on white (5.4:1 instead of 2.9:1).
const DARK: ITheme = {
  background: '#1e1e1e',
  foreground: '#cccccc',
  cursor: '#cccccc',
  selectionBackground: '#264f78',
  black: '#000000',
  red: '#cd3131',
  green: '#0dbc79',
  yellow: '#e5e510',
  blue: '#2472c8',
  magenta: '#bc3fbc',
  cyan: '#11a8cd',
  white: '#e5e5e5',
  brightBlack: '#666666',
  brightRed: '#f14c4c',
  brightGreen: '#23d18b',
  brightYellow: '#f5f543',
  brightBlue: '#3b8eea',
  brightMagenta: '#d670d6',
  brightCyan: '#29b8db',
  brightWhite: '#e5e5e5',
};

const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1d2733',
  cursor: '#1d2733',
  selectionBackground: '#add6ff',
  black: '#000000',
  red: '#cd3131',
  green: '#107c10',
  yellow: '#949800',
  blue: '#0451a5',
  magenta: '#bc05bc',
  cyan: '#0598bc',
  white: '#555555',
  brightBlack: '#666666',
  brightRed: '#cd3131',
  brightGreen: '#14ce14',
  brightYellow: '#b5ba00',
  brightBlue: '#0451a5',
  brightMagenta: '#bc05bc',
  brightCyan: '#0598bc',
  brightWhite: '#a5a5a5',
};

export const TERMINAL_THEMES: Readonly<Record<Theme, ITheme>> = { light: LIGHT, dark: DARK };

/** Search matches: dark ambers under light text, pale ones under dark text (taken at each search). */
export const SEARCH_DECORATIONS: Readonly<Record<Theme, ISearchDecorationOptions>> = {
  dark: {
    matchBackground: '#6b5900',
    matchOverviewRuler: '#d4b000',
    activeMatchBackground: '#d46b00',
    activeMatchColorOverviewRuler: '#ff8c00',
  },
  light: {
    matchBackground: '#fff0a0',
    matchOverviewRuler: '#d4b000',
    activeMatchBackground: '#ffb54d',
    activeMatchColorOverviewRuler: '#ff8c00',
  },
};
