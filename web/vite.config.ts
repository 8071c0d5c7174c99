import { defineConfig } from 'vite'

// `npm run dev:web` proxies the API to a server started with `npm run dev`.
export default defineConfig({
  root: 'web',
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:8080', '/tiles': 'http://localhost:8080', '/ogc': 'http://localhost:8080' } },
})
