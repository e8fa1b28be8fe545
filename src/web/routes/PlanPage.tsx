/**
 * `/plan` and `/plan/:planId`: the plan explorer. The group plan's tree (families → priorities
 * → objectives) with statuses, expandable, and links to each school plan's tree.
 */
import { Group, List, Text } from '@mantine/core';
import { useParams } from 'wouter';
import { usePlanTree, useWorkspace } from '../api/queries.ts';
import type { PlanSummary, WorkspaceOverview } from '../api/types.ts';
import { AppLink } from '../components/AppLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { QueryView } from '../components/QueryState.tsx';
import { Section } from '../components/Section.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useAsOf } from '../lib/as-of.ts';
import { levelName, schoolPlans, unitsById } from '../lib/plan.ts';
import { PlanTreeView } from './plan/PlanTreeView.tsx';
import { RevisionsSection } from './plan/RevisionsSection.tsx';

/** The plan explorer page. */
export function PlanPage() {
  const { t } = useI18n();
  const params = useParams<{ planId?: string }>();
  const workspace = useWorkspace();
  return (
    <QueryView query={workspace} title={t.plan.title}>
      {(data) => {
        const planId = params.planId ?? data.groupPlanId;
        const plan = data.plans.find((p) => p.id === planId);
        if (!plan) {
          return (
            <>
              <PageTitle title={t.plan.title} />
              <Text>{t.plan.noPlan}</Text>
            </>
          );
        }
        return <PlanView key={plan.id} plan={plan} workspace={data} />;
      }}
    </QueryView>
  );
}

function PlanView({ plan, workspace }: { plan: PlanSummary; workspace: WorkspaceOverview }) {
  const { t, tx } = useI18n();
  const [asOf] = useAsOf();
  const tree = usePlanTree(plan.id, asOf);
  const units = unitsById(workspace);
  const isGroup = plan.id === workspace.groupPlanId;
  const owner = units.get(plan.unitId);
  const others = schoolPlans(workspace);

  return (
    <>
      <PageTitle title={tx(plan.title)} />
      <Group gap="md" mb="sm">
        <Text c="#495057">
          {owner ? `${tx(owner.name)} · ` : ''}
          {t.plan.years(plan.startYear, plan.endYear)} · {t.planStatus[plan.status]}
        </Text>
        {!isGroup && workspace.groupPlanId ? (
          <AppLink to="/plan">{t.plan.backToGroup}</AppLink>
        ) : null}
      </Group>
      <Section title={isGroup ? t.plan.groupPlan : tx(plan.title)}>
        <QueryView query={tree}>
          {(data) => (
            <PlanTreeView
              nodes={data.nodes}
              label={t.plan.treeLabel(tx(plan.title))}
              levelLabel={(key) => levelName(workspace, plan.id, key, tx)}
            />
          )}
        </QueryView>
      </Section>
      <RevisionsSection planId={plan.id} />
      {isGroup && others.length > 0 ? (
        <Section title={t.plan.schoolPlans}>
          <Text mb="xs">{t.plan.schoolPlansIntro}</Text>
          <List spacing={4}>
            {others.map((other) => {
              const unit = units.get(other.unitId);
              return (
                <List.Item key={other.id}>
                  <AppLink to={`/plan/${other.id}`}>{tx(other.title)}</AppLink>
                  {unit ? ` — ${unit.shortName}` : ''}
                </List.Item>
              );
            })}
          </List>
        </Section>
      ) : null}
    </>
  );
}
