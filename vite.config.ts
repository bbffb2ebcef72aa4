import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: { '~/shared': new URL('./src/shared', import.meta.url).pathname } },
  build: { sourcemap: false },
});
