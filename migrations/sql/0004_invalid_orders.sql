-- Up Migration
-- Orders that were valid Avro but not valid orders (a non-positive quantity or unit price),
-- as ksqlDB routes them to INVALID_ORDERS (ksql/migrations/V000006): kept out of every rule and
-- statistic, and kept here so that a data-quality problem upstream is visible on the dashboard
-- instead of silently distorting sales. Every field of the order, upserted on order_id.
create table invalid_orders (
  order_id       text        not null,
  event_ts       timestamptz not null,
  user_id        text,
  session_id     text,
  ip_address     text,
  product_id     text,
  product_name   text,
  category       text,
  unit_price     bigint,
  quantity       integer,
  payment_method text,
  channel        text,
  device_type    text,
  user_agent     text,
  country        text,
  region         text,
  coupon_code    text,
  is_new_account boolean,
  detected_at    timestamptz not null default now(),
  constraint invalid_orders_pkey primary key (order_id)
);
-- Latest invalid orders and counts over Grafana's time range (both filter on event_ts).
create index invalid_orders_event_ts_idx on invalid_orders (event_ts desc);

-- Down Migration
drop table invalid_orders;
