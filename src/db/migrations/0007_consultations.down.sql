-- Reverts 0007_consultations.
DROP TABLE IF EXISTS action_consultation, consultation_element, consultation_answer,
  consultation_response, consultation_token_use, consultation_token, consultation_question,
  consultation;
