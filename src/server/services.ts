import type { Database } from './db/client.js';
import { createEventsService } from './modules/events/service.js';
import { createOrganisationsService } from './modules/organisations/service.js';
import { createReferenceService } from './modules/reference/service.js';
import { createSolutionsService } from './modules/solutions/service.js';

/** Wires the domain services together; each receives only what it needs. */
export function createServices(database: Database) {
  const { db } = database;
  const reference = createReferenceService({ db });
  const organisations = createOrganisationsService({ db });
  const solutions = createSolutionsService({ db, reference, organisations });
  const events = createEventsService({ db, reference, organisations });
  return { database, reference, organisations, solutions, events };
}

export type Services = ReturnType<typeof createServices>;
