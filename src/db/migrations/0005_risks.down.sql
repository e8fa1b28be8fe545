-- Reverts 0005_risks (the triggers go with their tables).
DROP TABLE IF EXISTS risk_review, risk_action, risk_element, risk;
