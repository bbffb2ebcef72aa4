import { sql } from 'drizzle-orm';
import { createChartRegistry } from './charts/registry.js';
import { type Database, type DbOrTx, rowsOf } from './db/client.js';
import type { Logger } from './logger.js';
import { createMailer } from './mail/mailer.js';
import type { Viewer } from './modules/access/policy.js';
import { createAuth } from './modules/accounts/auth.js';
import { createInvitations } from './modules/accounts/invitations.js';
import { createPeopleReads } from './modules/accounts/people.js';
import { createAccounts } from './modules/accounts/service.js';
import { createAuditService } from './modules/audit/query.js';
import { dashboardCharts } from './modules/dashboard/charts.js';
import { createDashboardService } from './modules/dashboard/service.js';
import { createDirectoryService } from './modules/directory/service.js';
import { createCalendarFeeds } from './modules/events/feeds.js';
import { createEventsService } from './modules/events/service.js';
import { createEventWrites } from './modules/events/write.js';
import { createFundingService } from './modules/funding/service.js';
import { createFundingWrites } from './modules/funding/write.js';
import { countryCharts } from './modules/geo/charts.js';
import { fundingSection, fundingSource } from './modules/geo/funding.js';
import { createCountryProfiles } from './modules/geo/profile.js';
import {
  agreedMatchesSection,
  organisationsSection,
  postingsSection,
  projectsSection,
  solutionsSection,
} from './modules/geo/sections.js';
import { createGeoService } from './modules/geo/service.js';
import {
  agreedMatchesSource,
  postingsSource,
  projectsSource,
  solutionsSource,
} from './modules/geo/sources.js';
import { groupsOwnData } from './modules/groups/own-data.js';
import { createGroupsService } from './modules/groups/service.js';
import { libraryOwnData } from './modules/library/own-data.js';
import { createLibraryService } from './modules/library/service.js';
import { createMatchDigest } from './modules/matching/digest.js';
import { createMatchingEngine } from './modules/matching/engine.js';
import { matchingOwnData } from './modules/matching/own-data.js';
import { createMatchParties } from './modules/matching/parties.js';
import { createMatchingService } from './modules/matching/service.js';
import { createMatchWorkflow } from './modules/matching/workflow.js';
import { needsOffersOwnData } from './modules/needs-offers/own-data.js';
import { createNeedsOffersService } from './modules/needs-offers/service.js';
import { createNeedsOffersWrites } from './modules/needs-offers/write.js';
import { notificationsOwnData } from './modules/notifications/own-data.js';
import { createNotificationsService } from './modules/notifications/service.js';
import { createOrganisationsService } from './modules/organisations/service.js';
import { createMatchConversion } from './modules/projects/from-match.js';
import { createIatiImport } from './modules/projects/import.js';
import { createIatiImportJobs } from './modules/projects/import-jobs.js';
import { createProjectsService } from './modules/projects/service.js';
import { createProjectWrites } from './modules/projects/write.js';
import { createRecommendationsService } from './modules/recommendations/service.js';
import { createRecommendationWrites } from './modules/recommendations/write.js';
import { createReferenceService } from './modules/reference/service.js';
import { createSolutionLifecycle } from './modules/solutions/lifecycle.js';
import { createSolutionsService } from './modules/solutions/service.js';
import { createIndexer } from './search/indexer.js';
import { type Lexicon, loadLexicon } from './search/lexicon.js';
import { createSearchService } from './search/service.js';

export type ServiceOptions = {
  lexicon?: Lexicon;
  /** Where the platform is reached, for links in emails. */
  baseUrl?: string;
  /** Signs session cookies; see accounts/service.ts authSecret(). */
  authSecret: string;
  smtpUrl?: string;
  mailFrom?: string;
  logger?: Logger;
  /** Per-IP limits on the auth endpoints (on unless a test turns them off). */
  rateLimit?: boolean;
};

/** Wires the domain services together; each receives only what it needs. */
export function createServices(database: Database, options: ServiceOptions) {
  const { db } = database;
  const baseUrl = options.baseUrl ?? 'http://localhost:3000';
  const mailer = createMailer({
    db,
    smtpUrl: options.smtpUrl,
    from: options.mailFrom,
    logger: options.logger,
  });
  const auth = createAuth({
    db,
    baseUrl,
    secret: options.authSecret,
    mailer,
    rateLimit: options.rateLimit,
  });
  const accounts = createAccounts({ db, auth });
  const invitations = createInvitations({ db, mailer, baseUrl });
  const audit = createAuditService({ db });
  const lexicon = options.lexicon ?? loadLexicon();
  const reference = createReferenceService({ db });
  const indexer = createIndexer({ reference, lexicon });
  const organisations = createOrganisationsService({ db });
  const solutions = createSolutionsService({ db, reference, organisations });
  const events = createEventsService({ db, reference, organisations, accounts, baseUrl });
  const search = createSearchService({ db, reference, lexicon });
  const directory = createDirectoryService({
    db,
    reference,
    organisations,
    people: createPeopleReads({ db }),
  });
  const lifecycle = createSolutionLifecycle({ db, reference, organisations, indexer, lexicon });
  const eventWrites = createEventWrites({ db, organisations, accounts, indexer });
  const calendarFeeds = createCalendarFeeds({ db, accounts, events, baseUrl });
  const notifications = createNotificationsService({ db, mailer, accounts, baseUrl, logger: options.logger });
  const groups = createGroupsService({ db, accounts, organisations, reference, notifications });
  const library = createLibraryService({ db, reference, indexer, search, groups: accounts });
  const needsOffers = createNeedsOffersService({ db, reference, organisations });
  const needsOffersWrites = createNeedsOffersWrites({ db, reference, organisations, accounts, indexer });
  const engine = createMatchingEngine({ db, lexicon, reference, organisations, solutions, needsOffers });
  const matchParties = createMatchParties({ accounts, solutions, needsOffers });
  const matching = createMatchingService({
    db,
    lexicon,
    engine,
    parties: matchParties,
    reference,
    organisations,
    solutions,
    needsOffers,
  });
  const projects = createProjectsService({ db, reference, organisations });
  const recommendations = createRecommendationsService({ db, reference, needsOffers, projects, matching });
  const recommendationWrites = createRecommendationWrites({
    db,
    reference,
    organisations,
    accounts,
    indexer,
  });
  needsOffersWrites.linkRecommendations((ids, tx) => recommendations.existingIds(ids, tx));
  const projectWrites = createProjectWrites({
    db,
    reference,
    organisations,
    accounts,
    indexer,
    links: {
      needs: async (ids, tx) => new Set((await needsOffers.rowsById('need', ids, tx)).map((row) => row.id)),
      recommendations: (ids, tx) => recommendations.existingIds(ids, tx),
    },
  });
  const matchWorkflow = createMatchWorkflow({
    db,
    parties: matchParties,
    service: matching,
    notifications,
    accounts,
    toProject: createMatchConversion({ organisations, writes: projectWrites }),
  });
  const matchDigest = createMatchDigest({
    db,
    baseUrl,
    parties: matchParties,
    service: matching,
    accounts,
    notifications,
  });
  const funding = createFundingService({ db, reference, organisations, projects });
  const fundingWrites = createFundingWrites({ db, organisations, projects, funding });
  const iatiImport = createIatiImport({ db, reference, organisations, writes: projectWrites });
  const iatiImportJobs = createIatiImportJobs({ db, iatiImport, logger: options.logger });
  // The map's metrics and the country page's sections: one entry per module that owns records
  // with countries. Projects, recommendations and funding register theirs here too.
  const geo = createGeoService({
    reference,
    sources: [
      solutionsSource(solutions),
      postingsSource('need', needsOffers),
      postingsSource('offer', needsOffers),
      agreedMatchesSource(matching),
      projectsSource(projects),
      fundingSource({ funding, projects }),
    ],
  });
  const countryProfiles = createCountryProfiles({
    reference,
    sections: [
      solutionsSection(solutions, 'developed'),
      solutionsSection(solutions, 'replicated'),
      postingsSection('need', needsOffers),
      postingsSection('offer', needsOffers),
      organisationsSection(organisations),
      agreedMatchesSection(matching),
      projectsSection(projects),
      fundingSection({ funding, projects }),
    ],
  });
  // Charts pages show and anyone downloads (GET /api/v1/charts/{id}); dashboards add theirs here.
  const dashboard = createDashboardService({
    reference,
    solutions,
    needsOffers,
    matching,
    projects,
    funding,
  });
  const charts = createChartRegistry([
    ...countryCharts({ reference, solutions, needsOffers }),
    ...dashboardCharts(dashboard),
  ]);
  // Every saved need or offer gets its suggestions in the same transaction.
  needsOffersWrites.onWrite((tx, kind, row) => matching.suggest(tx, kind, row));

  /** Rebuilds the whole search index from every searchable module, in one transaction. */
  async function reindexAll(tx?: DbOrTx): Promise<number> {
    const run = async (t: DbOrTx) => {
      await t.execute(sql`DELETE FROM search_documents`);
      const documents = [
        ...(await solutions.searchDocuments(t)),
        ...(await organisations.searchDocuments(t)),
        ...(await events.searchDocuments(t)),
        ...(await library.searchDocuments(t)),
        ...(await needsOffers.searchDocuments(t)),
        ...(await projects.searchDocuments(t)),
        ...(await recommendations.searchDocuments(t)),
      ];
      await indexer.index(t, documents);
      // Suggestions are drawn from the index, so they are refreshed with it.
      await matching.refreshAll(t);
      return documents.length;
    };
    return tx ? run(tx) : db.transaction(run);
  }

  /** True when content exists that the search index does not hold yet. */
  async function needsReindex(): Promise<boolean> {
    const [row] = rowsOf<{ indexed: number; content: number }>(
      await db.execute(sql`SELECT (SELECT count(*)::int FROM search_documents) AS indexed,
        (SELECT count(*)::int FROM solutions) + (SELECT count(*)::int FROM organisations) AS content`),
    );
    return !!row && row.indexed === 0 && row.content > 0;
  }

  /** Everything held about the viewer, from every module, for the "download my data" link. */
  async function ownData(viewer: Viewer) {
    const account = await accounts.exportOwnData(viewer);
    const userId = viewer.userId!;
    return {
      ...account,
      profile: await directory.ownProfile(viewer),
      groups: await groupsOwnData(db, userId),
      notifications: await notificationsOwnData(db, userId),
      library: await libraryOwnData(db, userId),
      ...(await needsOffersOwnData(db, userId)),
      matches: await matchingOwnData(db, userId),
    };
  }

  return {
    database,
    ownData,
    baseUrl,
    mailer,
    auth,
    accounts,
    invitations,
    audit,
    lexicon,
    reference,
    organisations,
    solutions,
    lifecycle,
    events,
    directory,
    eventWrites,
    calendarFeeds,
    notifications,
    groups,
    library,
    needsOffers,
    needsOffersWrites,
    matching,
    matchWorkflow,
    matchDigest,
    recommendations,
    recommendationWrites,
    projects,
    projectWrites,
    funding,
    fundingWrites,
    iatiImportJobs,
    iatiImport,
    search,
    indexer,
    geo,
    countryProfiles,
    dashboard,
    charts,
    reindexAll,
    needsReindex,
  };
}

export type Services = ReturnType<typeof createServices>;
