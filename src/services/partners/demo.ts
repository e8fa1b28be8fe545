/**
 * Illustrative partner registry of the demonstration workspace, created by `strata demo reset`
 * after the plan is loaded (it lives outside the plan bundle, so the plan's import/export round
 * trip is untouched). Every partner, agreement and funding line here is invented and marked
 * `illustrative`; no contact is created (no personal data in a demo).
 */
import type { WorkspaceOverview } from '../../contracts/index.ts';
import { systemPrincipal } from '../../domain/access.ts';
import type { Services } from '../index.ts';
import type { WorkspaceScope } from '../context.ts';
import type { partnerServices } from './index.ts';

type Registry = ReturnType<typeof partnerServices>;

interface Lookups {
  unit: (code: string) => string;
  element: (code: string) => string | undefined;
}

/** Creates the illustrative partners, agreements and funding lines; returns how many partners. */
export async function seedIllustrativeRegistry(
  services: Registry,
  scope: WorkspaceScope,
  overview: WorkspaceOverview,
  elementIdsByCode: ReadonlyMap<string, string>,
): Promise<number> {
  const look: Lookups = {
    unit: (code) => {
      const unit = overview.units.find((u) => u.code === code);
      if (!unit) throw new Error(`no unit ${code}`);
      return unit.id;
    },
    element: (code) => elementIdsByCode.get(code),
  };
  const elements = (...codes: string[]) =>
    codes.flatMap((c) => {
      const id = look.element(c);
      return id ? [id] : [];
    });
  const provenance = 'illustrative' as const;
  const partner = async (
    name: string,
    kind: 'company' | 'local_authority' | 'academic' | 'association' | 'european_network',
    country: string,
    region: string,
  ) =>
    (await services.partners.create(scope, { name, kind, country, region, provenance })).partner.id;

  const industry = await partner('Exemple Industrie (illustratif)', 'company', 'FR', 'Occitanie');
  const region = await partner('Région exemple (illustratif)', 'local_authority', 'FR', 'Bretagne');
  const network = await partner(
    'Example European university network (illustrative)',
    'european_network',
    'BE',
    'Bruxelles',
  );
  const energy = await partner(
    'Exemple Énergie (illustratif)',
    'company',
    'FR',
    'Auvergne-Rhône-Alpes',
  );
  const school = await partner(
    'Example Technical University (illustrative)',
    'academic',
    'DE',
    'Bayern',
  );

  const agreement = async (
    partnerId: string,
    kind: 'framework' | 'research_chair' | 'joint_lab' | 'apprenticeship' | 'eu_project' | 'other',
    fr: string,
    en: string,
    scale: 'regional' | 'national' | 'european' | 'international',
    unitCodes: string[],
    elementCodes: string[],
    amountCents: number | null,
  ) =>
    (
      await services.agreements.create(scope, {
        partnerId,
        kind,
        title: { fr, en },
        scale,
        startDate: '2024-01-01',
        endDate: '2027-12-31',
        amountCents,
        provenance,
        unitIds: unitCodes.map(look.unit),
        elementIds: elements(...elementCodes),
      })
    ).agreement.id;

  const chair = await agreement(
    industry,
    'research_chair',
    'Chaire industrie responsable (illustratif)',
    'Responsible industry chair (illustrative)',
    'national',
    ['IMT-ALES', 'IMT-ALBI'],
    ['A3'],
    60_000_000,
  );
  const regional = await agreement(
    region,
    'framework',
    'Convention de développement territorial (illustratif)',
    'Regional development agreement (illustrative)',
    'regional',
    ['IMT-ATL'],
    ['A4'],
    null,
  );
  const alliance = await agreement(
    network,
    'eu_project',
    'Alliance universitaire européenne (illustratif)',
    'European university alliance (illustrative)',
    'european',
    [],
    ['C1'],
    120_000_000,
  );
  await agreement(
    energy,
    'joint_lab',
    'Laboratoire commun énergie (illustratif)',
    'Energy joint laboratory (illustrative)',
    'national',
    ['MINES-SE'],
    ['C2', 'A3'],
    45_000_000,
  );
  await agreement(
    school,
    'other',
    'Partenariat double diplôme (illustratif)',
    'Double degree partnership (illustrative)',
    'international',
    ['TPARIS'],
    ['C3'],
    null,
  );

  const amounts = (planned: number, spentShare: number) =>
    [2024, 2025, 2026].map((year, i) => ({
      year,
      plannedCents: planned,
      committedCents: i < 2 ? planned : 0,
      spentCents:
        i === 0
          ? Math.round(planned * spentShare)
          : i === 1
            ? Math.round((planned * spentShare) / 2)
            : 0,
    }));
  await services.funding.create(scope, {
    title: {
      fr: 'Soutien régional au campus (illustratif)',
      en: 'Regional campus support (illustrative)',
    },
    programme: 'regional_council',
    funder: 'Région exemple (illustratif)',
    funderPartnerId: region,
    unitId: look.unit('IMT-ATL'),
    agreementId: regional,
    cofinancingRate: 50,
    provenance,
    amounts: amounts(25_000_000, 0.9),
  });
  await services.funding.create(scope, {
    title: { fr: 'Projet Erasmus+ (illustratif)', en: 'Erasmus+ project (illustrative)' },
    programme: 'erasmus_plus',
    funder: 'Commission européenne',
    agreementId: alliance,
    provenance,
    cofinancingRate: 80,
    amounts: amounts(40_000_000, 0.7),
  });
  await services.funding.create(scope, {
    title: { fr: 'Mécénat chaire (illustratif)', en: 'Chair sponsorship (illustrative)' },
    programme: 'company_sponsorship',
    funder: 'Exemple Industrie (illustratif)',
    funderPartnerId: industry,
    unitId: look.unit('IMT-ALES'),
    agreementId: chair,
    provenance,
    amounts: amounts(15_000_000, 0.8),
  });
  return 5;
}

/** Seeds the illustrative registry into workspace `slug` (after `strata demo reset` loads the plan). */
export async function seedDemoRegistry(services: Services, slug: string): Promise<number> {
  const scope = await services.workspace.resolve(slug, systemPrincipal('seed'), 'demo-reset');
  const overview = await services.workspace.overview(scope);
  const codes = new Map<string, string>();
  if (overview.groupPlanId) {
    const tree = await services.views.tree(scope, overview.groupPlanId);
    for (const node of tree.nodes) codes.set(node.code, node.id);
  }
  return seedIllustrativeRegistry(services, scope, overview, codes);
}
