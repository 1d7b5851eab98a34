import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The shared contract and catalogue only define values (zod schemas, tables, helpers); building
 * them has no effect outside the module. Saying so lets the bundler drop the parts a page does
 * not use: the record form needs `monthName`, not every API schema (171 KB before).
 */
const isPureSharedCode = (id: string) => /\/(server\/src\/contract|catalogue\/src)\//.test(id.replaceAll('\\', '/'));

/** A chunk's file and, recursively, the files of the chunks it imports statically. */
function chunkFiles(bundle: Rollup.OutputBundle, chunk: Rollup.OutputChunk, seen = new Set<string>()): Set<string> {
  if (seen.has(chunk.fileName)) return seen;
  seen.add(chunk.fileName);
  for (const file of chunk.imports) {
    const imported = bundle[file];
    if (imported?.type === 'chunk') chunkFiles(bundle, imported, seen);
  }
  return seen;
}

/**
 * Adds preload links for one page's chunks and styles to index.html, so a browser opening that
 * page downloads its code while the entry script is still being parsed instead of after it ran.
 */
function preloadPage(sourceFile: string): Plugin {
  return {
    name: 'preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const page = Object.values(bundle ?? {}).find(
          (output): output is Rollup.OutputChunk =>
            output.type === 'chunk' && !!output.facadeModuleId?.endsWith(sourceFile),
        );
        if (!bundle || !page) throw new Error(`preload-page: no chunk for ${sourceFile}`);
        const chunks = [...chunkFiles(bundle, page)].filter((file) => !html.includes(`/${file}"`));
        const styles = [...(page.viteMetadata?.importedCss ?? [])];
        const link = (attrs: HtmlTagDescriptor['attrs']): HtmlTagDescriptor => ({
          tag: 'link',
          attrs,
          injectTo: 'head',
        });
        return [
          ...chunks.map((file) => link({ rel: 'modulepreload', crossorigin: true, href: `/${file}` })),
          // Fetched now, applied when the page's code adds the stylesheet.
          ...styles.map((file) => link({ rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` })),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    // The record form is where people spend their time, and where links in emails lead.
    preloadPage('/src/pages/data-entry/RecordFormPage.tsx'),
    // .gz and .br beside each asset, served by the server as they are (preCompressed).
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 }),
  ],
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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { treeshake: { moduleSideEffects: (id) => !isPureSharedCode(id) } },
  },
});
