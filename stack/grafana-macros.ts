/**
 * Expands Grafana's Postgres macros the way the datasource does before sending SQL
 * (grafana pkg/tsdb/grafana-postgresql-datasource/macros.go): time range as RFC 3339 UTC
 * literals, `$__timeGroup` as floored epoch seconds. Unknown macros are an error, as in Grafana.
 */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

const MACRO = /\$__(\w+)\(([^)]*)\)/g;

export function expandGrafanaMacros(sql: string, range: TimeRange): string {
  const from = rfc3339Nano(range.from);
  const to = rfc3339Nano(range.to);
  return sql.replace(MACRO, (_m, name: string, rawArgs: string) => {
    const args = rawArgs
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
    switch (name) {
      case 'time':
        return `${need(name, args, 0)} AS "time"`;
      case 'timeEpoch':
        return `extract(epoch from ${need(name, args, 0)}) AS "time"`;
      case 'timeFilter':
        return `${need(name, args, 0)} BETWEEN '${from}' AND '${to}'`;
      case 'timeFrom':
        return `'${from}'`;
      case 'timeTo':
        return `'${to}'`;
      case 'timeGroup':
        return timeGroup(name, args);
      case 'timeGroupAlias':
        return `${timeGroup(name, args)} AS "time"`;
      case 'unixEpochFilter': {
        const col = need(name, args, 0);
        return `${col} >= ${Math.floor(range.from.getTime() / 1000)} AND ${col} <= ${Math.floor(range.to.getTime() / 1000)}`;
      }
      default:
        throw new Error(`undefined macro: $__${name}`);
    }
  });
}

/** Go's time.RFC3339Nano in UTC: trailing zeros of the fraction (and an empty fraction) dropped. */
function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.?0+Z$/, 'Z');
}

function need(name: string, args: readonly string[], i: number): string {
  const arg = args[i];
  if (arg === undefined) throw new Error(`missing time column argument for macro $__${name}`);
  return arg;
}

function timeGroup(name: string, args: readonly string[]): string {
  const column = need(name, args, 0);
  const seconds = intervalSeconds(need(name, args, 1).replace(/^'|'$/g, ''));
  return `floor(extract(epoch from ${column})/${seconds})*${seconds}`;
}

function intervalSeconds(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!m) throw new Error(`error parsing interval ${text}`);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
