import type { Viewer } from '../access/policy.js';
import type { RateTableRef } from '../funding/service.js';
import type { MatchingService } from '../matching/service.js';
import type { NeedsOffersService } from '../needs-offers/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { SolutionsService } from '../solutions/service.js';

/** A provider → recipient link between two countries (ISO3) and how many records make it. */
export type Flow = { from: string; to: string; value: number };

/** For a metric of money: the exact amount per country (ISO3) and what it is in. */
export type MapMoney = {
  currency: string;
  /** The rate table amounts were converted at; null when none is stated. */
  rateTable: RateTableRef | null;
  amounts: Map<string, string>;
  /** Amounts in currencies the rate table lacks, left out. */
  unconverted: Array<{ amount: string; currency: string }>;
};

/**
 * Something the map can colour countries by. Each module that owns records with countries
 * registers one (in services.ts); the map lists exactly the registered sources, so projects and
 * funding appear once their modules register theirs. Every read applies the viewer's permissions.
 */
export type MapSource = {
  /** Stable id, used in `?metric=` and in locale keys (`map.metric.<id>`, `map.countryValue.<id>`). */
  id: string;
  /** The count (or amount) per country, by ISO3; countries without records are left out. */
  countsByCountry(viewer: Viewer): Promise<Map<string, number>>;
  /** Provider → recipient flows, when the records have both sides. */
  flows?(viewer: Viewer): Promise<Flow[]>;
  /** For a metric of money: the exact amounts behind the values, and their currency. */
  money?(viewer: Viewer): Promise<MapMoney>;
};

/** Solutions linked to each country; flows from where they were developed to where they were adopted. */
export function solutionsSource(solutions: Pick<SolutionsService, 'countsByCountry' | 'replicationFlows'>) {
  return {
    id: 'solutions',
    countsByCountry: (viewer) => solutions.countsByCountry(viewer),
    flows: (viewer) => solutions.replicationFlows(viewer),
  } satisfies MapSource;
}

/** Open needs by requesting country, or open offers by providing country. */
export function postingsSource(
  kind: 'need' | 'offer',
  needsOffers: Pick<NeedsOffersService, 'countsByCountry'>,
): MapSource {
  return {
    id: kind === 'need' ? 'needs' : 'offers',
    countsByCountry: (viewer) => needsOffers.countsByCountry(kind, viewer),
  };
}

/** Agreed matches per country (either side); flows from the offer's or solution's country to the need's. */
export function agreedMatchesSource(matching: Pick<MatchingService, 'agreedCountryLinks'>): MapSource {
  return {
    id: 'matches',
    async countsByCountry(viewer) {
      const counts = new Map<string, number>();
      for (const link of await matching.agreedCountryLinks(viewer))
        for (const code of new Set([...link.providers, link.recipient]))
          counts.set(code, (counts.get(code) ?? 0) + 1);
      return counts;
    },
    async flows(viewer) {
      const flows = new Map<string, Flow>();
      for (const link of await matching.agreedCountryLinks(viewer))
        for (const from of link.providers) {
          if (from === link.recipient) continue;
          const key = `${from}>${link.recipient}`;
          const flow = flows.get(key) ?? { from, to: link.recipient, value: 0 };
          flow.value++;
          flows.set(key, flow);
        }
      return [...flows.values()].sort((a, b) => b.value - a.value);
    },
  };
}

/** Published projects by recipient country; flows from providers' countries to recipients. */
export function projectsSource(projects: Pick<ProjectsService, 'countsByCountry' | 'flows'>) {
  return {
    id: 'projects',
    countsByCountry: (viewer) => projects.countsByCountry(viewer),
    flows: (viewer) => projects.flows(viewer),
  } satisfies MapSource;
}
