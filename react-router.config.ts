import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'src/web',
  buildDirectory: 'build/web',
  ssr: true,
  // Every route is in the initial manifest: the app is small, and page paths carry a language
  // prefix that the lazy-discovery endpoint (/__manifest) would not have.
  routeDiscovery: { mode: 'initial' },
} satisfies Config;
