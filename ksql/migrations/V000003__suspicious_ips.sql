-- Suspicious IPs: per IP, hopping windows of ${suspicious_ip_window_seconds} s advancing by
-- 10 s, flagged from the ${suspicious_ip_min_orders}th order in a window on. Counts only grow
-- in a window, so this HAVING never emits tombstones; the sink still filters them (decision 5).
-- Only valid orders count (quantity and unit price positive); invalid ones go to
-- INVALID_ORDERS (V000006).
CREATE TABLE IF NOT EXISTS SUSPICIOUS_IPS WITH (
  KAFKA_TOPIC = 'suspicious_ips',
  KEY_FORMAT = 'KAFKA',
  VALUE_FORMAT = 'AVRO'
) AS
SELECT
  IP_ADDRESS AS IP_KEY,
  AS_VALUE(IP_ADDRESS) AS IP_ADDRESS,
  FROM_UNIXTIME(WINDOWSTART) AS WINDOW_START,
  FROM_UNIXTIME(WINDOWEND) AS WINDOW_END,
  COUNT(*) AS ORDER_COUNT,
  SUM(UNIT_PRICE * QUANTITY) AS TOTAL_SPENT_KRW,
  COUNT_DISTINCT(USER_ID) AS DISTINCT_USERS,
  MIN(EVENT_TS) AS FIRST_ORDER_AT,
  MAX(EVENT_TS) AS LAST_ORDER_AT
FROM ORDERS
WINDOW HOPPING (SIZE ${suspicious_ip_window_seconds} SECONDS, ADVANCE BY 10 SECONDS, RETENTION 10 MINUTES, GRACE PERIOD 30 SECONDS)
WHERE QUANTITY > 0 AND UNIT_PRICE > 0
GROUP BY IP_ADDRESS
HAVING COUNT(*) >= ${suspicious_ip_min_orders}
EMIT CHANGES;
