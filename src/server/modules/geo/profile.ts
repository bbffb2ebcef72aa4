import { AppError } from '../../errors.js';
import type { Viewer } from '../access/policy.js';
import type { RateTableRef } from '../funding/service.js';
import type { ReferenceService } from '../reference/service.js';

/** Money pledged and paid, exact decimal strings in the section's currency. */
export type PledgedPaid = { pledged: string; paid: string };

/**
 * One record listed on a country page; `type` decides the link (`/{lang}/{type}s/{slug}`). A
 * section about money gives each record's part of it.
 */
export type ProfileItem = {
  type: string;
  slug: string;
  title: string;
  detail?: string | null;
  money?: PledgedPaid;
};

/** The totals of a section about money, the rate table they use and the appeals to explore them in. */
export type SectionMoney = PledgedPaid & {
  currency: string;
  rateTable: RateTableRef | null;
  appeals: Array<{ slug: string; name: string }>;
};

/** A section of a country page: what it lists, how many there are in all, and the first ones. */
export type ProfileSectionData = { id: string; total: number; items: ProfileItem[]; money?: SectionMoney };

/**
 * A section of the country page, read through the module that owns the records with the viewer's
 * permissions. Projects, recommendations and funding add their sections by registering one more
 * in services.ts.
 */
export type ProfileSection = {
  id: string;
  load(
    viewer: Viewer,
    iso3: string,
    options: { lang: string; limit: number },
  ): Promise<Omit<ProfileSectionData, 'id'>>;
};

/** How many records each section lists (the total is always given). */
export const PROFILE_ITEMS = 20;

type Deps = { reference: Pick<ReferenceService, 'getCountry'>; sections: ProfileSection[] };

/** Everything the platform holds about one country, section by section. */
export function createCountryProfiles({ reference, sections }: Deps) {
  return {
    /** Ids of the registered sections, in page order. */
    sectionIds: () => sections.map((s) => s.id),

    /** The profile of a country by ISO3 code; 404 for any other code. */
    async profile(viewer: Viewer, iso3: string, lang: string) {
      const code = iso3.toUpperCase();
      const country = /^[A-Z]{3}$/.test(code)
        ? await reference.getCountry(code, lang).catch(() => null)
        : null;
      if (!country || country.iso3 !== code) throw AppError.notFound('Country', iso3);
      const loaded = await Promise.all(
        sections.map(async (section) => ({
          id: section.id,
          ...(await section.load(viewer, code, { lang, limit: PROFILE_ITEMS })),
        })),
      );
      return {
        country: {
          iso3: country.iso3,
          iso2: country.iso2,
          m49: country.m49,
          name: country.name,
          region: country.region,
          subRegion: country.subRegion,
          isLdc: country.isLdc,
          isLldc: country.isLldc,
          isSids: country.isSids,
        },
        sections: loaded,
      };
    },
  };
}

export type CountryProfiles = ReturnType<typeof createCountryProfiles>;
export type CountryProfile = Awaited<ReturnType<CountryProfiles['profile']>>;
