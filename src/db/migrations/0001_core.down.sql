-- Reverts 0001_core: drops every table and function it created, dependants first.
DROP TABLE IF EXISTS action_facet, indicator_facet, element_facet, milestone, action_element,
  action_unit, action, measurement, target_point, element_indicator, indicator_unit, indicator,
  facet_value, facet, alignment, element, plan_revision, plan, unit, workspace;
DROP FUNCTION IF EXISTS strata_search_vector(text, text);
DROP FUNCTION IF EXISTS strata_fold(text);
