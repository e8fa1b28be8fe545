-- Reverts 0006_partners.
DROP TABLE IF EXISTS funding_action, funding_amount, funding_line, contact, agreement_indicator,
  agreement_action, agreement_element, agreement_unit, agreement, partner;
