-- The ORDERS stream over the generator's topic. Value columns are inferred from the latest
-- schema under subject `orders-value` (generator/orders.avsc, registered by the generator),
-- upper-cased by ksqlDB: ORDER_ID, EVENT_TS, USER_ID, IP_ADDRESS, UNIT_PRICE, QUANTITY, ...
-- Event time is the order's own timestamp (epoch ms, Avro timestamp-millis), never the
-- Kafka record time.
CREATE STREAM IF NOT EXISTS ORDERS WITH (
  KAFKA_TOPIC = 'orders',
  VALUE_FORMAT = 'AVRO',
  TIMESTAMP = 'EVENT_TS'
);
