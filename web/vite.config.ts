import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
      // The admin panel's API; a plain '/admin' would also catch the panel's own page, /admin-panel.
      '^/admin/': 'http://127.0.0.1:3000',
      // The public CSV feeds (the dashboards' download links).
      '^/feed/': 'http://127.0.0.1:3000',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
