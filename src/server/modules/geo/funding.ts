import { compareDecimals, sumDecimals } from '../../../shared/decimal.js';
import type { Viewer } from '../access/policy.js';
import type { FundingByProject, FundingService } from '../funding/service.js';
import { splitByShares } from '../projects/money-shares.js';
import type { ProjectsService } from '../projects/service.js';
import type { ProfileSection } from './profile.js';
import type { MapSource } from './sources.js';

type Deps = {
  funding: Pick<FundingService, 'fundingByProject' | 'appealsListing'>;
  projects: Pick<ProjectsService, 'byIds'>;
};

/** A project's part of the funding of one country. */
type ProjectPart = { id: string; slug: string; title: string; pledged: string; paid: string };
type CountryFunding = { pledged: string; paid: string; projects: ProjectPart[] };

/**
 * The funding of each recipient country: every project's pledged and paid money split across its
 * countries by their stated percentages (equally when none is stated), exactly to the cent.
 * Projects without a recipient country are left out.
 */
async function fundingByCountry(
  { funding, projects }: Deps,
  viewer: Viewer,
  lang: string,
): Promise<{ funded: FundingByProject; countries: Map<string, CountryFunding> }> {
  const funded = await funding.fundingByProject(viewer);
  const listed = await projects.byIds(
    viewer,
    funded.projects.map((p) => p.projectId),
    lang,
  );
  const byId = new Map(listed.map((project) => [project.id, project]));
  const countries = new Map<string, CountryFunding>();
  for (const money of funded.projects) {
    const project = byId.get(money.projectId);
    if (!project) continue;
    const shares = project.countries.map((c) => ({ key: c.iso3, weight: c.percentage ?? '0' }));
    const paid = new Map(splitByShares(money.paid, shares).map((part) => [part.key, part.amount]));
    for (const { key, amount } of splitByShares(money.pledged, shares)) {
      const country = countries.get(key) ?? { pledged: '0.00', paid: '0.00', projects: [] };
      const part = { pledged: amount, paid: paid.get(key)! };
      country.pledged = sumDecimals([country.pledged, part.pledged], 2);
      country.paid = sumDecimals([country.paid, part.paid], 2);
      country.projects.push({ id: project.id, slug: project.slug, title: project.title, ...part });
      countries.set(key, country);
    }
  }
  return { funded, countries };
}

/**
 * The map's funding metric: money pledged to projects per recipient country, in the latest rate
 * table's base currency (the map's values are the exact amounts as numbers, for colouring).
 */
export function fundingSource(deps: Deps): MapSource {
  const money: NonNullable<MapSource['money']> = async (viewer) => {
    const { funded, countries } = await fundingByCountry(deps, viewer, 'en');
    return {
      currency: funded.currency,
      rateTable: funded.rateTable,
      amounts: new Map([...countries].map(([iso3, country]) => [iso3, country.pledged])),
      unconverted: funded.unconverted,
    };
  };
  return {
    id: 'funding',
    money,
    async countsByCountry(viewer) {
      const { amounts } = await money(viewer);
      return new Map([...amounts].map(([iso3, amount]) => [iso3, Number(amount)]));
    },
  };
}

/**
 * The country page's Funding section: the country's share of the money pledged and paid to
 * projects, in all and project by project (largest first), and the appeals listing them, whose
 * explorer can be filtered by the country.
 */
export function fundingSection(deps: Deps): ProfileSection {
  return {
    id: 'funding',
    async load(viewer, iso3, options) {
      const { funded, countries } = await fundingByCountry(deps, viewer, options.lang);
      const country = countries.get(iso3) ?? { pledged: '0.00', paid: '0.00', projects: [] };
      const parts = country.projects.sort(
        (a, b) => compareDecimals(b.pledged, a.pledged) || a.title.localeCompare(b.title, options.lang),
      );
      return {
        total: parts.length,
        items: parts.slice(0, options.limit).map((part) => ({
          type: 'project',
          slug: part.slug,
          title: part.title,
          detail: null,
          money: { pledged: part.pledged, paid: part.paid },
        })),
        money: {
          currency: funded.currency,
          rateTable: funded.rateTable,
          pledged: country.pledged,
          paid: country.paid,
          appeals: await deps.funding.appealsListing(
            parts.map((part) => part.id),
            options.lang,
          ),
        },
      };
    },
  };
}
