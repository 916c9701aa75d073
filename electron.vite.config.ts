import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// WHARF_OUT_DIR: build somewhere other than out/ (concurrent test runs on one machine).
const OUT = process.env.WHARF_OUT_DIR ?? resolve(__dirname, 'out');
// node_modules/@xterm/* -> the chunk "xterm", node_modules/zod -> "zod".
const LIBRARY_CHUNK = /[\\/]node_modules[\\/]@?(xterm|zod)[\\/]/;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(OUT, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The `wharf` CLI (web mode and friends) runs under plain node.
          cli: resolve(__dirname, 'vm-backend/cli/wharf.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require node_modules: bundle everything but 'electron'.
    build: {
      outDir: resolve(OUT, 'preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(OUT, 'renderer'),
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        // The two big libraries' chunks are named after them; only lazily loaded parts import them.
        output: { manualChunks: (id: string) => (/\.css($|\?)/.test(id) ? undefined : LIBRARY_CHUNK.exec(id)?.[1]) },
      },
      // Lazily loaded parts (terminals, dialogs) get their own JS chunks; the CSS stays one file,
      // linked from index.html (renderer/feature-styles.ts keeps its order).
      cssCodeSplit: false,
      // electron-vite leaves the renderer unminified; esbuild's minifier halves what first paint loads.
      minify: true,
    },
  },
});
