import { defineConfig } from 'vite'

// `npm run dev:web` proxies the API to a server started with `npm run dev`.
export default defineConfig({
  root: 'web',
  // maplibre-gl and deck.gl make a ~1.6 MB chunk that the map needs at once (ECharts loads apart,
  // when the dashboard opens): no warning for that one.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_500 },
  server: { proxy: { '/api': 'http://localhost:8080', '/tiles': 'http://localhost:8080', '/ogc': 'http://localhost:8080', '/open311': 'http://localhost:8080' } },
})
