-- Reverts 0008_data.
ALTER FUNCTION strata_search_vector(text, text) RESET search_path;
DROP TABLE IF EXISTS published_indicator, published_element;
