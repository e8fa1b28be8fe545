-- Reverts 0008_data.
DROP TABLE IF EXISTS published_indicator, published_element;
