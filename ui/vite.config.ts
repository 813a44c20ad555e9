import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The Tauri shell loads `dist/` (production) or the dev server on port 5173 (`build.devUrl`).
// Tests run in Node; the ones that render components pick a DOM (`// @vitest-environment happy-dom`) and
// get Svelte's browser build through the `browser` condition.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  // `bundlerTimings` off: on a busy machine the compiler is slow and Rolldown would print a timing notice
  // that is not about the code.
  build: { outDir: 'dist', emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
}));
