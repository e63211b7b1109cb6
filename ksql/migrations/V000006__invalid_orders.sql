-- Orders that are valid Avro but not valid orders (a non-positive quantity or unit price):
-- kept out of every rule and statistic, and routed to their own topic, so they are counted
-- and can be inspected (SELECT * FROM INVALID_ORDERS EMIT CHANGES;) instead of silently
-- distorting sales. Records that are not even decodable go to ksqlDB's processing log.
CREATE STREAM IF NOT EXISTS INVALID_ORDERS WITH (
  KAFKA_TOPIC = 'invalid_orders',
  VALUE_FORMAT = 'AVRO'
) AS
SELECT *
FROM ORDERS
WHERE NOT (QUANTITY > 0 AND UNIT_PRICE > 0)
EMIT CHANGES;
