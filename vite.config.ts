import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = import.meta.dirname;

/**
 * The web client: sources and index.html live in src/web, the build goes to dist/web, which the
 * Fastify server serves (same origin, so no CORS and the CSP can stay `'self'`).
 */
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react()],
  resolve: {
    alias: { '@shared': path.join(repoRoot, 'src/shared') },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our code: in chunks of their own they stay in
        // the browser cache across PCMT updates. Page code is split per route (router.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
    // Ant Design is one library of ~900 kB minified (~280 kB gzipped) that every page uses;
    // Vite's 500 kB warning would fire on every build without telling us anything new.
    chunkSizeWarningLimit: 1100,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
