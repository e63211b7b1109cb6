-- High-value orders: every order whose total is at least ${high_value_min_krw} KRW, with its
-- details. A stateless filter: each order is emitted once, with its own event time as the
-- record timestamp, and ORDER_ID is the sink's natural primary key. Invalid orders (see
-- V000006) are excluded: two negative factors must not make a high-value total.
CREATE STREAM IF NOT EXISTS HIGH_VALUE_ORDERS WITH (
  KAFKA_TOPIC = 'high_value_orders',
  VALUE_FORMAT = 'AVRO'
) AS
SELECT
  ORDER_ID,
  EVENT_TS,
  USER_ID,
  SESSION_ID,
  IP_ADDRESS,
  PRODUCT_ID,
  PRODUCT_NAME,
  CATEGORY,
  UNIT_PRICE,
  QUANTITY,
  UNIT_PRICE * QUANTITY AS TOTAL_KRW,
  PAYMENT_METHOD
FROM ORDERS
WHERE QUANTITY > 0 AND UNIT_PRICE > 0 AND UNIT_PRICE * QUANTITY >= ${high_value_min_krw}
EMIT CHANGES;
