import type { KafkaRecord } from '../../ksql/engine/topics/topic-log.ts';
import type { ConnectValue } from './avro-converter.ts';
import type { SinkConfig } from './config.ts';
import type { ValueField } from './connect-schema.ts';
import { quoteIdentifier, type TableShape } from './sql.ts';
import { toSqlValue, ZoneFormatter } from './sql-value.ts';

/** A record turned into one table row: key parameters first, then value parameters. */
export interface SinkRow {
  readonly record: KafkaRecord;
  readonly shape: Shape;
  readonly params: readonly unknown[];
  /** Identity of the row's primary key within its table (for in-batch deduplication). */
  readonly key: string;
}

export interface Shape extends TableShape {
  /** Table and columns, identifying rows that can share one statement. */
  readonly signature: string;
  readonly tableName: string;
}

/** Failures the JDBC sink raises as a ConnectException from put(): they fail the task. */
export class ConnectException extends Error {
  readonly javaClass = 'org.apache.kafka.connect.errors.ConnectException';
}

interface Plan {
  readonly shape: Shape;
  readonly keyFields: readonly ValueField[];
  readonly valueFields: readonly ValueField[];
}

/**
 * Maps record values to rows the way the JDBC sink's FieldsMetadata does: with
 * pk.mode=record_value the key columns are `pk.fields` (all fields if empty) and the others are
 * the remaining fields (narrowed by `fields.whitelist`); with pk.mode=kafka the key is
 * (topic, partition, offset); with pk.mode=none there is no key.
 */
export class RowMapper {
  private readonly plans = new Map<string, Plan>();
  private readonly zone: ZoneFormatter;

  constructor(private readonly config: SinkConfig) {
    this.zone = new ZoneFormatter(config.dbTimezone);
  }

  toRow(record: KafkaRecord, value: ConnectValue): SinkRow {
    const plan = this.plan(record.topic, value);
    const keyParams: unknown[] =
      this.config.pkMode === 'kafka'
        ? [record.topic, record.partition, record.offset]
        : plan.keyFields.map((f) => toSqlValue(f, value.value[f.name], this.zone));
    const params = keyParams.slice();
    for (const f of plan.valueFields) params.push(toSqlValue(f, value.value[f.name], this.zone));
    return {
      record,
      shape: plan.shape,
      params,
      key: keyParams.length === 1 ? String(keyParams[0]) : JSON.stringify(keyParams),
    };
  }

  private plan(topic: string, value: ConnectValue): Plan {
    const id = `${topic}\u0000${value.schemaId}`;
    let plan = this.plans.get(id);
    if (!plan) {
      plan = this.buildPlan(topic, value);
      this.plans.set(id, plan);
    }
    return plan;
  }

  private buildPlan(topic: string, value: ConnectValue): Plan {
    const c = this.config;
    const tableName = c.tableNameFormat.replace(/\$\{topic\}/g, topic);
    const fields = value.schema.fields;
    let keyFields: ValueField[] = [];
    let keyNames: string[] = [];
    if (c.pkMode === 'record_value') {
      keyNames = c.pkFields.length > 0 ? [...c.pkFields] : fields.map((f) => f.name);
      keyFields = keyNames.map((n) => {
        const f = value.schema.byName.get(n);
        if (!f) {
          throw new ConnectException(
            `PK mode for table '${tableName}' is RECORD_VALUE with configured PK fields [${keyNames.join(', ')}], but record value schema does not contain field: ${n}`,
          );
        }
        return f;
      });
    } else if (c.pkMode === 'kafka') {
      keyNames = [...c.pkFields];
    }
    const valueFields = fields.filter(
      (f) =>
        !keyNames.includes(f.name) && (c.fieldsWhitelist.length === 0 || c.fieldsWhitelist.includes(f.name)),
    );
    const q = (n: string): string => quoteIdentifier(n, c.quoteIdentifiers);
    const keyColumns = keyNames.map(q);
    const valueColumns = valueFields.map((f) => q(f.name));
    const table = q(tableName);
    return {
      shape: {
        table,
        tableName,
        keyColumns,
        valueColumns,
        signature: `${table}(${keyColumns.join(',')}|${valueColumns.join(',')})`,
      },
      keyFields,
      valueFields,
    };
  }
}
