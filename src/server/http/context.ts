import type { Logger } from '../logger.js';
import type { Viewer } from '../modules/access/policy.js';

/** Per-request values the middleware sets for handlers. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    viewer: Viewer;
  };
};
