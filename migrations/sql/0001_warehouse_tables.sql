-- Up Migration
-- Warehouse tables written by the JDBC sink connectors (connect/*.json), one per ksqlDB output
-- topic; columns, types and keys follow docs/data-contract.md. Names are lower case and
-- unquoted: the sink runs with quote.sql.identifiers=never, so the upper-case Avro field
-- WINDOW_START lands in window_start. Time is timestamptz (an instant, stored in UTC).
--
-- Primary keys are the natural keys the sinks upsert on (pk.mode=record_value). Windowed
-- tables put window_start first so the primary-key index also serves the dashboards'
-- "latest window" lookups (ORDER BY window_start DESC); ON CONFLICT matches the index by its
-- set of columns, so the order does not matter to the upsert.

create table popular_products (
  product_id   text        not null,
  window_start timestamptz not null,
  window_end   timestamptz not null,
  product_name text,
  category     text,
  order_count  bigint      not null,
  sales_krw    bigint      not null,
  constraint popular_products_pkey primary key (window_start, product_id),
  constraint popular_products_window_check check (window_end > window_start)
);
-- Table freshness (max(window_end)) without a scan of every window.
create index popular_products_window_end_idx on popular_products (window_end desc);

create table suspicious_ips (
  ip_address      text        not null,
  window_start    timestamptz not null,
  window_end      timestamptz not null,
  order_count     bigint      not null,
  total_spent_krw bigint      not null,
  distinct_users  bigint      not null,
  first_order_at  timestamptz not null,
  last_order_at   timestamptz not null,
  constraint suspicious_ips_pkey primary key (window_start, ip_address),
  constraint suspicious_ips_window_check check (window_end > window_start)
);
-- Recent suspicious IPs (ORDER BY window_end DESC, Grafana's time filter on window_end).
create index suspicious_ips_window_end_idx on suspicious_ips (window_end desc);
-- Overlap with a stats window (realtime_stats_view): [start, end) ranges, GiST-indexed.
create index suspicious_ips_window_range_idx on suspicious_ips using gist (tstzrange(window_start, window_end));

create table high_value_orders (
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
  total_krw      bigint      not null,
  payment_method text,
  constraint high_value_orders_pkey primary key (order_id)
);
-- Latest high-value orders (ORDER BY event_ts DESC, Grafana's time filter on event_ts).
create index high_value_orders_event_ts_idx on high_value_orders (event_ts desc);

create table realtime_stats (
  window_start  timestamptz not null,
  window_end    timestamptz not null,
  order_count   bigint      not null,
  sales_krw     bigint      not null,
  avg_order_krw double precision,
  distinct_ips  bigint      not null,
  constraint realtime_stats_pkey primary key (window_start),
  constraint realtime_stats_window_check check (window_end > window_start)
);

-- Down Migration
drop table realtime_stats;
drop table high_value_orders;
drop table suspicious_ips;
drop table popular_products;
