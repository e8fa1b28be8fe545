/**
 * What can be assigned to a contributor, as options of the pickers: the elements of every plan
 * (grouped by plan, in tree order), the indicators and the actions ("code title").
 */
import { usePlanTrees } from '../../api/admin.ts';
import { useActions, useIndicators, useWorkspace } from '../../api/queries.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  group: string;
  items: Option[];
}

export interface AssignmentChoices {
  elements: OptionGroup[];
  indicators: Option[];
  actions: Option[];
  pending: boolean;
  error: unknown;
}

/** The server's largest page: the IMT data set has far fewer indicators and actions. */
const ALL = 500;

/** Loads the options (as the administrator, who reads everything). */
export function useAssignmentChoices(): AssignmentChoices {
  const { tx } = useI18n();
  const workspace = useWorkspace();
  const plans = workspace.data?.plans ?? [];
  const trees = usePlanTrees(plans.map((plan) => plan.id));
  const indicators = useIndicators({ limit: ALL });
  const actions = useActions({ limit: ALL });
  const elements = trees.trees.map((tree) => {
    const plan = plans.find((p) => p.id === tree.planId);
    return {
      group: plan ? `${plan.code} – ${tx(plan.title)}` : tree.planId,
      items: tree.nodes.map((node) => ({
        value: node.id,
        label: `${node.code} ${tx(node.title)}`,
      })),
    };
  });
  return {
    elements,
    indicators: (indicators.data?.items ?? []).map(({ card }) => ({
      value: card.id,
      label: `${card.code} ${tx(card.name)}`,
    })),
    actions: (actions.data?.items ?? []).map((action) => ({
      value: action.id,
      label: `${action.code} ${tx(action.title)}`,
    })),
    pending: workspace.isPending || trees.pending || indicators.isPending || actions.isPending,
    error: workspace.error ?? trees.error ?? indicators.error ?? actions.error ?? null,
  };
}
