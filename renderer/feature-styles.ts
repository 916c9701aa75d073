// Every feature's stylesheet, loaded up front in the order the one-chunk bundle had them (main.tsx
// imports styles.css after these, so it wins ties). The features themselves load lazily; their CSS
// must not, or the cascade would change with what has been opened (e.g. `.inspect--wide` after
// `.inspect`). The features still import their own CSS: this only fixes where it lands.
import '@xterm/xterm/css/xterm.css';
import './features/terminal/terminal.css';
import './features/pull/pull.css';
import './features/run/run-dialog.css';
import './features/search/search.css';
import './features/targets/targets.css';
import './features/vm/vm.css';
import './features/containers/container-columns.css';
