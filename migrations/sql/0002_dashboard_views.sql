-- Up Migration
-- Views Grafana reads directly. A window is "complete" once its end plus the queries' grace
-- period (30 s, ksql/migrations/) has passed: no later update can change its row. The
-- dashboards use the same rule (window_end <= now() - interval '30 seconds'). Views
-- recompute on every read. All times stay timestamptz (UTC); Grafana shows Asia/Seoul.

-- Stats per tumbling window with the real suspicious_ip_count: the number of distinct IPs
-- with a suspicious_ips row whose window overlaps the stats window (docs/data-contract.md).
-- Computed here because ksqlDB cannot join two windowed aggregates of different sizes.
create view realtime_stats_view as
select
  r.window_start,
  r.window_end,
  r.order_count,
  r.sales_krw,
  r.avg_order_krw,
  r.distinct_ips,
  (
    select count(distinct s.ip_address)
    from suspicious_ips s
    where tstzrange(s.window_start, s.window_end) && tstzrange(r.window_start, r.window_end)
  ) as suspicious_ip_count,
  r.window_end <= now() - interval '30 seconds' as complete
from realtime_stats r;

-- The latest complete stats window (one row, or none before the first window closes).
create view realtime_stats_latest as
select *
from realtime_stats_view
where window_start = (
  select max(window_start) from realtime_stats where window_end <= now() - interval '30 seconds'
);

-- Every product row of the latest complete popular-products window.
create view popular_products_latest as
select p.*
from popular_products p
where p.window_start = (
  select max(window_start) from popular_products where window_end <= now() - interval '30 seconds'
);

-- Top 5 products of the latest complete window, by orders then sales (rank 1..5).
create view popular_products_top5 as
select
  row_number() over (order by order_count desc, sales_krw desc, product_id) as rank,
  l.*
from popular_products_latest l
order by rank
limit 5;

-- Every IP flagged in the latest complete suspicious-IPs window.
create view suspicious_ips_latest as
select s.*
from suspicious_ips s
where s.window_start = (
  select max(window_start) from suspicious_ips where window_end <= now() - interval '30 seconds'
);

-- Down Migration
drop view suspicious_ips_latest;
drop view popular_products_top5;
drop view popular_products_latest;
drop view realtime_stats_latest;
drop view realtime_stats_view;
