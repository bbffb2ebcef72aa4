import type { Language } from '../../../shared/languages.js';
import type { MatchingService } from '../matching/service.js';
import type { NeedsOffersService } from '../needs-offers/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import { PROJECT_LIST_DEFAULTS } from '../projects/schema.js';
import type { ProjectsService } from '../projects/service.js';
import type { SolutionsService } from '../solutions/service.js';
import type { ProfileSection } from './profile.js';

/** Solutions developed in the country (`developed`) or adopted there (`replicated`). */
export function solutionsSection(
  solutions: Pick<SolutionsService, 'inCountry'>,
  role: 'developed' | 'replicated',
): ProfileSection {
  return {
    id: role === 'developed' ? 'solutionsDeveloped' : 'solutionsReplicated',
    async load(viewer, iso3, options) {
      const { total, items } = await solutions.inCountry(viewer, iso3, role, options);
      return {
        total,
        items: items.map((s) => ({ type: 'solution', slug: s.slug, title: s.title, detail: s.summary })),
      };
    },
  };
}

/** Open needs the country requests, or open offers it provides. */
export function postingsSection(
  kind: 'need' | 'offer',
  needsOffers: Pick<NeedsOffersService, 'list'>,
): ProfileSection {
  return {
    id: kind === 'need' ? 'needs' : 'offers',
    async load(viewer, iso3, options) {
      const page = await needsOffers.list(kind, viewer, {
        lang: options.lang as Language,
        limit: options.limit,
        status: 'open',
        country: [iso3],
        theme: undefined,
        modality: undefined,
      });
      return {
        total: page.total,
        items: page.items.map((p) => ({
          type: kind,
          slug: p.slug,
          title: p.title,
          detail: p.organisation?.name ?? null,
        })),
      };
    },
  };
}

/** Organisations based in the country. */
export function organisationsSection(organisations: Pick<OrganisationsService, 'list'>): ProfileSection {
  return {
    id: 'organisations',
    async load(viewer, iso3, options) {
      const page = await organisations.list(viewer, {
        lang: options.lang,
        limit: options.limit,
        country: iso3,
      });
      return {
        total: page.total,
        items: page.items.map((o) => ({
          type: 'organisation',
          slug: o.slug,
          title: o.name,
          detail: o.acronym,
        })),
      };
    },
  };
}

/** Agreed cooperation involving the country on either side; each links to its need. */
export function agreedMatchesSection(matching: Pick<MatchingService, 'agreedInvolving'>): ProfileSection {
  return {
    id: 'agreedMatches',
    async load(viewer, iso3, options) {
      const { total, items } = await matching.agreedInvolving(viewer, iso3, options);
      return {
        total,
        items: items.map((m) => ({
          type: 'need',
          slug: m.need.slug,
          title: m.need.title,
          detail: m.candidate.title,
        })),
      };
    },
  };
}

/** Published projects with the country among their recipients. */
export function projectsSection(projects: Pick<ProjectsService, 'list'>): ProfileSection {
  return {
    id: 'projects',
    async load(viewer, iso3, options) {
      const page = await projects.list(viewer, {
        ...PROJECT_LIST_DEFAULTS,
        lang: options.lang as Language,
        limit: options.limit,
        country: [iso3],
      });
      return {
        total: page.total,
        items: page.items.map((p) => ({
          type: 'project',
          slug: p.slug,
          title: p.title,
          detail: p.reportingOrg.name,
        })),
      };
    },
  };
}
