import type { Viewer } from '../server/modules/access/policy';
import type { UserView } from '../server/modules/accounts/service';
import type { Services } from '../server/services';

/** What the HTTP server hands every loader: the domain services and who is asking. */
export type WebContext = { services: Services; viewer: Viewer; user: UserView | null; clientIp: string };

declare module 'react-router' {
  interface AppLoadContext extends WebContext {}
}
