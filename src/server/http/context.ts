import type { Logger } from '../logger.js';
import type { Viewer } from '../modules/access/policy.js';
import type { UserView } from '../modules/accounts/service.js';

/** Per-request values the middleware sets for handlers. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    viewer: Viewer;
    /** The signed-in account, if any. */
    user: UserView | null;
    /** The caller's address: the socket peer, or the first X-Forwarded-For hop when TRUST_PROXY is on. */
    clientIp: string;
  };
};
