-- Up Migration
-- When a detection first became visible in Postgres: the scorecard's time-to-detect. The
-- column is not in the records, so the JDBC sink never writes it: the default fills it when the
-- row is inserted, and the upsert (DO UPDATE SET <record columns>) leaves it as it was.
alter table suspicious_ips add column detected_at timestamptz not null default now();
alter table high_value_orders add column detected_at timestamptz not null default now();

-- Down Migration
alter table high_value_orders drop column detected_at;
alter table suspicious_ips drop column detected_at;
