-- Realtime stats: tumbling 30 s windows over all orders. Grouping by a constant puts every
-- order in one group (ksqlDB group-by.json "zero non-agg columns (windowed stream)").
-- suspicious_ip_count per window is computed in Postgres (view realtime_stats_view, see
-- docs/data-contract.md): it needs SUSPICIOUS_IPS, whose windows differ in size.
-- Only valid orders count (quantity and unit price positive); invalid ones go to
-- INVALID_ORDERS (V000006).
CREATE TABLE IF NOT EXISTS REALTIME_STATS WITH (
  KAFKA_TOPIC = 'realtime_stats',
  KEY_FORMAT = 'KAFKA',
  VALUE_FORMAT = 'AVRO'
) AS
SELECT
  1 AS STATS_KEY,
  FROM_UNIXTIME(WINDOWSTART) AS WINDOW_START,
  FROM_UNIXTIME(WINDOWEND) AS WINDOW_END,
  COUNT(*) AS ORDER_COUNT,
  SUM(UNIT_PRICE * QUANTITY) AS SALES_KRW,
  AVG(UNIT_PRICE * QUANTITY) AS AVG_ORDER_KRW,
  COUNT_DISTINCT(IP_ADDRESS) AS DISTINCT_IPS
FROM ORDERS
WINDOW TUMBLING (SIZE 30 SECONDS, RETENTION 10 MINUTES, GRACE PERIOD 30 SECONDS)
WHERE QUANTITY > 0 AND UNIT_PRICE > 0
GROUP BY 1
EMIT CHANGES;
