-- Popular products: per product, hopping 30 s windows advancing by 10 s (a burst that
-- straddles a window boundary is still seen whole by one window).
--
-- Sink-ready shape (docs/data-contract.md): the group column is copied into the value with
-- AS_VALUE and the window bounds are value columns, so the JDBC sink upserts on
-- (PRODUCT_ID, WINDOW_START) and never reads the windowed record key. Every window has an
-- explicit GRACE PERIOD (ksqlDB's implicit default is 24 h minus the window size) and RETENTION.
-- Only valid orders count (quantity and unit price positive); invalid ones go to
-- INVALID_ORDERS (V000006).
CREATE TABLE IF NOT EXISTS POPULAR_PRODUCTS WITH (
  KAFKA_TOPIC = 'popular_products',
  KEY_FORMAT = 'KAFKA',
  VALUE_FORMAT = 'AVRO'
) AS
SELECT
  PRODUCT_ID AS PRODUCT_KEY,
  AS_VALUE(PRODUCT_ID) AS PRODUCT_ID,
  FROM_UNIXTIME(WINDOWSTART) AS WINDOW_START,
  FROM_UNIXTIME(WINDOWEND) AS WINDOW_END,
  LATEST_BY_OFFSET(PRODUCT_NAME) AS PRODUCT_NAME,
  LATEST_BY_OFFSET(CATEGORY) AS CATEGORY,
  COUNT(*) AS ORDER_COUNT,
  SUM(UNIT_PRICE * QUANTITY) AS SALES_KRW
FROM ORDERS
WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS, RETENTION 10 MINUTES, GRACE PERIOD 30 SECONDS)
WHERE QUANTITY > 0 AND UNIT_PRICE > 0
GROUP BY PRODUCT_ID
EMIT CHANGES;
