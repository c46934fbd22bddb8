/**
 * Builds the viewer into `dist/` as one `viewer.js` and one `viewer.css` with fixed names, so
 * `@leximap/render` can inline them into a self-contained HTML file and `leximap serve` can serve them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The engine's NLP model and matrix code are never called by the viewer; mark them free of side
// effects so the bundle keeps only the map functions it imports from @leximap/core.
const pure = /[\\/](packages[\\/]core[\\/]src|node_modules[\\/](\.pnpm[\\/])?(wink-|ml-))/;

export default defineConfig({
  root,
  base: './',
  // The viewer's CSV exports use io's writer; csv-stringify's Node build calls Node's Buffer, its
  // browser build carries its own.
  resolve: { alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' } },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 1_000_000,
    reportCompressedSize: false,
    rollupOptions: {
      treeshake: { moduleSideEffects: (id: string) => !pure.test(id) },
      output: { entryFileNames: 'viewer.js', assetFileNames: 'viewer[extname]' },
    },
  },
  server: { host: '127.0.0.1' },
});
