import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The Tauri shell loads `dist/` (production) or the dev server on port 5173 (`build.devUrl`).
// Tests run in Node; the ones that render components pick a DOM (`// @vitest-environment happy-dom`) and
// get Svelte's browser build through the `browser` condition.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true },
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
}));
