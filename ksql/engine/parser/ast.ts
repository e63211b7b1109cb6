/**
 * The typed AST of the ksqlDB dialect. The parser produces it and executes nothing; the
 * planner consumes it. Every node carries its source location. Grammar reference:
 * ksqldb-parser/src/main/antlr4/io/confluent/ksql/parser/SqlBase.g4 (see ../shared/reference/ksqldb.md).
 *
 * Identifiers: the parser resolves case. An unquoted identifier is upper-cased; a
 * backtick-quoted one keeps its case exactly. `Identifier.quoted` records which, so the printer
 * can round-trip it.
 */

export interface Location {
  /** 1-based line of the node's first token. */
  readonly line: number;
  /** 1-based column of the node's first token. */
  readonly column: number;
}

export interface Identifier {
  /** The resolved name (upper-cased unless quoted). */
  readonly name: string;
  readonly quoted: boolean;
}

// ---------------------------------------------------------------------------------------------
// Types as written in SQL
// ---------------------------------------------------------------------------------------------

export type TypeSyntax =
  | { readonly kind: 'Primitive'; readonly name: PrimitiveTypeName }
  | { readonly kind: 'Decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'Array'; readonly element: TypeSyntax }
  | { readonly kind: 'Map'; readonly key: TypeSyntax; readonly value: TypeSyntax }
  | { readonly kind: 'Struct'; readonly fields: readonly StructFieldSyntax[] }
  /** A custom type registered with CREATE TYPE (unsupported for now: planner fails by name). */
  | { readonly kind: 'Named'; readonly name: Identifier };

export type PrimitiveTypeName =
  | 'BOOLEAN'
  | 'INT' // INTEGER is an alias, normalised to INT
  | 'BIGINT'
  | 'DOUBLE'
  | 'STRING' // VARCHAR is an alias, normalised to STRING
  | 'BYTES'
  | 'TIMESTAMP'
  | 'DATE'
  | 'TIME';

export interface StructFieldSyntax {
  readonly name: Identifier;
  readonly type: TypeSyntax;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expression =
  | ColumnRef
  | Literal
  | ArithmeticBinary
  | ArithmeticUnary
  | Comparison
  | Between
  | InList
  | Like
  | IsNull
  | LogicalBinary
  | Not
  | SearchedCase
  | SimpleCase
  | Cast
  | FunctionCall
  | Subscript
  | Dereference
  | CreateArray
  | CreateMap
  | CreateStruct
  | Lambda
  | LambdaVariable
  | IntervalUnitExpr
  | TypeExpr;

interface ExprBase {
  readonly loc: Location;
}

/** `col`, `src.col`, `ROWTIME`, `WINDOWSTART`, ... (pseudo columns are plain ColumnRefs). */
export interface ColumnRef extends ExprBase {
  readonly kind: 'ColumnRef';
  /** Source name or alias qualifier, if written (`a.col`). */
  readonly source?: Identifier;
  readonly name: Identifier;
}

export type Literal =
  | (ExprBase & { readonly kind: 'NullLiteral' })
  | (ExprBase & { readonly kind: 'BooleanLiteral'; readonly value: boolean })
  /**
   * Integer literal as written: digits, with a leading `-` when the grammar reads a negative
   * literal (rule `number: MINUS? INTEGER_VALUE`, e.g. `-9223372036854775808`; `a - 5` is still a
   * binary minus). Its type is INT when it fits in 32 bits, BIGINT when it fits in 64; a literal
   * outside 64 bits is rejected by the parser, as ksqlDB's AstBuilder does (literals.json).
   */
  | (ExprBase & { readonly kind: 'IntegerLiteral'; readonly text: string })
  /** Decimal literal as written, e.g. `12.30` or `-0.5` (type DECIMAL(p,s) from the digits). */
  | (ExprBase & { readonly kind: 'DecimalLiteral'; readonly text: string })
  /** Floating literal with exponent, e.g. `1.5E3` or `-4.9E-324` (type DOUBLE). */
  | (ExprBase & { readonly kind: 'DoubleLiteral'; readonly text: string })
  /** Single-quoted string, with `''` already unescaped. */
  | (ExprBase & { readonly kind: 'StringLiteral'; readonly value: string });

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator =
  '=' | '<>' | '<' | '<=' | '>' | '>=' | 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM';

export interface ArithmeticBinary extends ExprBase {
  readonly kind: 'ArithmeticBinary';
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ArithmeticUnary extends ExprBase {
  readonly kind: 'ArithmeticUnary';
  readonly sign: '+' | '-';
  readonly operand: Expression;
}

export interface Comparison extends ExprBase {
  readonly kind: 'Comparison';
  /** `!=` is normalised to `<>`. */
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface Between extends ExprBase {
  readonly kind: 'Between';
  readonly negated: boolean;
  readonly value: Expression;
  readonly lower: Expression;
  readonly upper: Expression;
}

export interface InList extends ExprBase {
  readonly kind: 'InList';
  readonly negated: boolean;
  readonly value: Expression;
  readonly list: readonly Expression[];
}

export interface Like extends ExprBase {
  readonly kind: 'Like';
  readonly negated: boolean;
  readonly value: Expression;
  readonly pattern: Expression;
  readonly escape?: string;
}

export interface IsNull extends ExprBase {
  readonly kind: 'IsNull';
  readonly negated: boolean;
  readonly operand: Expression;
}

export interface LogicalBinary extends ExprBase {
  readonly kind: 'LogicalBinary';
  readonly operator: 'AND' | 'OR';
  readonly left: Expression;
  readonly right: Expression;
}

export interface Not extends ExprBase {
  readonly kind: 'Not';
  readonly operand: Expression;
}

export interface WhenClause {
  readonly when: Expression;
  readonly then: Expression;
}

/** `CASE WHEN cond THEN v ... [ELSE v] END` */
export interface SearchedCase extends ExprBase {
  readonly kind: 'SearchedCase';
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
}

/** `CASE operand WHEN v THEN r ... [ELSE r] END` */
export interface SimpleCase extends ExprBase {
  readonly kind: 'SimpleCase';
  readonly operand: Expression;
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
}

export interface Cast extends ExprBase {
  readonly kind: 'Cast';
  readonly operand: Expression;
  readonly type: TypeSyntax;
}

/**
 * `name(args)`, `COUNT(*)` (star = true, no args), `COUNT()` (no args). Function names are
 * upper-cased (they are case-insensitive in ksqlDB).
 */
export interface FunctionCall extends ExprBase {
  readonly kind: 'FunctionCall';
  readonly name: string;
  readonly args: readonly Expression[];
  readonly star: boolean;
}

/** `arr[1]`, `map['k']` */
export interface Subscript extends ExprBase {
  readonly kind: 'Subscript';
  readonly base: Expression;
  readonly index: Expression;
}

/** `struct->field` */
export interface Dereference extends ExprBase {
  readonly kind: 'Dereference';
  readonly base: Expression;
  readonly field: Identifier;
}

/** `ARRAY[a, b]` */
export interface CreateArray extends ExprBase {
  readonly kind: 'CreateArray';
  readonly elements: readonly Expression[];
}

/** `MAP(k := v, ...)` */
export interface CreateMap extends ExprBase {
  readonly kind: 'CreateMap';
  readonly entries: readonly { readonly key: Expression; readonly value: Expression }[];
}

/** `STRUCT(name := v, ...)` */
export interface CreateStruct extends ExprBase {
  readonly kind: 'CreateStruct';
  readonly fields: readonly { readonly name: Identifier; readonly value: Expression }[];
}

/** `(x, y) => expr` or `x => expr` (lambda functions: TRANSFORM, FILTER, REDUCE). */
export interface Lambda extends ExprBase {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly body: Expression;
}

/** A reference to a lambda parameter inside a lambda body. */
export interface LambdaVariable extends ExprBase {
  readonly kind: 'LambdaVariable';
  readonly name: string;
}

/** A bare time unit argument, e.g. the `SECONDS` in `TIMESTAMPADD(SECONDS, 5, ts)`. */
export interface IntervalUnitExpr extends ExprBase {
  readonly kind: 'IntervalUnit';
  readonly unit: TimeUnit;
}

/** A type used as a function argument (rare; kept for completeness of the grammar). */
export interface TypeExpr extends ExprBase {
  readonly kind: 'TypeExpr';
  readonly type: TypeSyntax;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

export type TimeUnit = 'MILLISECONDS' | 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** `30 SECONDS`; singular units are normalised to plural. */
export interface Duration {
  readonly value: number;
  readonly unit: TimeUnit;
}

export type WindowExpression =
  | {
      readonly kind: 'Tumbling';
      readonly size: Duration;
      readonly retention?: Duration;
      readonly grace?: Duration;
      readonly loc: Location;
    }
  | {
      readonly kind: 'Hopping';
      readonly size: Duration;
      readonly advance: Duration;
      readonly retention?: Duration;
      readonly grace?: Duration;
      readonly loc: Location;
    }
  | {
      readonly kind: 'Session';
      readonly gap: Duration;
      readonly retention?: Duration;
      readonly grace?: Duration;
      readonly loc: Location;
    };

export type SelectItem =
  | { readonly kind: 'AllColumns'; readonly source?: Identifier; readonly loc: Location }
  | {
      readonly kind: 'SingleColumn';
      readonly expression: Expression;
      readonly alias?: Identifier;
      readonly loc: Location;
    };

export type Relation =
  | { readonly kind: 'Table'; readonly name: Identifier; readonly alias?: Identifier; readonly loc: Location }
  | {
      readonly kind: 'Join';
      readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
      readonly left: Relation;
      readonly right: Relation;
      readonly on: Expression;
      readonly within?: { readonly before: Duration; readonly after: Duration; readonly grace?: Duration };
      readonly loc: Location;
    };

export interface Query {
  readonly kind: 'Query';
  readonly loc: Location;
  readonly select: readonly SelectItem[];
  readonly from: Relation;
  readonly window?: WindowExpression;
  readonly where?: Expression;
  readonly groupBy?: readonly Expression[];
  readonly partitionBy?: readonly Expression[];
  readonly having?: Expression;
  /** Absent on pull queries and on C*AS where it is optional; CHANGES is the default for persistent queries. */
  readonly emit?: 'CHANGES' | 'FINAL';
  readonly limit?: number;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export interface TableElement {
  readonly name: Identifier;
  readonly type: TypeSyntax;
  /** KEY (streams), PRIMARY KEY (tables), HEADERS / HEADER('key'), or a value column. */
  readonly constraint: 'KEY' | 'PRIMARY KEY' | 'HEADERS' | { readonly header: string } | undefined;
  readonly loc: Location;
}

/**
 * A `WITH (...)` property. Names are upper-cased (`kafka_topic` → `KAFKA_TOPIC`); values keep
 * their literal kind, because ksqlDB validates them (`PARTITIONS='2'` vs `PARTITIONS=2`).
 */
export interface Property {
  readonly name: string;
  readonly value: Literal;
  readonly loc: Location;
}

export type Statement =
  | CreateSource
  | CreateAsSelect
  | InsertInto
  | InsertValues
  | DropSource
  | Terminate
  | ShowList
  | Describe
  | Explain
  | DefineVariable
  | UndefineVariable
  | SetProperty
  | UnsetProperty
  | QueryStatement
  | AssertValues
  | AssertTombstone
  | AssertSource
  | RunScript
  | Unsupported;

interface StatementBase {
  readonly loc: Location;
  /** The statement's exact source text, without the trailing semicolon. */
  readonly text: string;
}

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (elements) WITH (...) */
export interface CreateSource extends StatementBase {
  readonly kind: 'CreateSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: Identifier;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly isSource: boolean;
  readonly elements: readonly TableElement[];
  readonly properties: readonly Property[];
}

/** CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS SELECT ... */
export interface CreateAsSelect extends StatementBase {
  readonly kind: 'CreateAsSelect';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: Identifier;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly properties: readonly Property[];
  readonly query: Query;
}

/** INSERT INTO name [WITH (QUERY_ID='...')] SELECT ... */
export interface InsertInto extends StatementBase {
  readonly kind: 'InsertInto';
  readonly target: Identifier;
  readonly properties: readonly Property[];
  readonly query: Query;
}

/** INSERT INTO name [(col, ...)] VALUES (expr, ...) */
export interface InsertValues extends StatementBase {
  readonly kind: 'InsertValues';
  readonly target: Identifier;
  readonly columns?: readonly Identifier[];
  readonly values: readonly Expression[];
}

/** DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC] */
export interface DropSource extends StatementBase {
  readonly kind: 'DropSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: Identifier;
  readonly ifExists: boolean;
  readonly deleteTopic: boolean;
}

/** TERMINATE query_id | TERMINATE ALL */
export interface Terminate extends StatementBase {
  readonly kind: 'Terminate';
  /** Query id as written (query ids are case-insensitive and upper-cased), or 'ALL'. */
  readonly queryId: string;
}

/** SHOW|LIST STREAMS|TABLES|QUERIES|[ALL] TOPICS|PROPERTIES|VARIABLES|FUNCTIONS [EXTENDED] */
export interface ShowList extends StatementBase {
  readonly kind: 'ShowList';
  readonly what: 'STREAMS' | 'TABLES' | 'QUERIES' | 'TOPICS' | 'PROPERTIES' | 'VARIABLES' | 'FUNCTIONS';
  readonly extended: boolean;
  /** `SHOW ALL TOPICS` (internal topics too); only with TOPICS. Added by the parser, optional. */
  readonly all?: boolean;
}

/** DESCRIBE [EXTENDED] name | DESCRIBE STREAMS|TABLES [EXTENDED] | DESCRIBE FUNCTION name */
export interface Describe extends StatementBase {
  readonly kind: 'Describe';
  readonly target:
    | { readonly kind: 'Source'; readonly name: Identifier }
    | { readonly kind: 'AllSources'; readonly what: 'STREAMS' | 'TABLES' }
    | { readonly kind: 'Function'; readonly name: string };
  readonly extended: boolean;
}

/** EXPLAIN query_id | EXPLAIN <statement> */
export interface Explain extends StatementBase {
  readonly kind: 'Explain';
  readonly target:
    | { readonly kind: 'QueryId'; readonly queryId: string }
    | { readonly kind: 'Statement'; readonly statement: Statement };
}

/** DEFINE name = 'value'; (substitution of ${name} happens before parsing, see parser/variables.ts) */
export interface DefineVariable extends StatementBase {
  readonly kind: 'DefineVariable';
  readonly name: string;
  readonly value: string;
}

export interface UndefineVariable extends StatementBase {
  readonly kind: 'UndefineVariable';
  readonly name: string;
}

/** SET 'property' = 'value'; */
export interface SetProperty extends StatementBase {
  readonly kind: 'SetProperty';
  readonly name: string;
  readonly value: string;
}

/** UNSET 'property'; */
export interface UnsetProperty extends StatementBase {
  readonly kind: 'UnsetProperty';
  readonly name: string;
}

/** A transient (push or pull) query: SELECT ... [EMIT CHANGES] [LIMIT n]; */
export interface QueryStatement extends StatementBase {
  readonly kind: 'QueryStatement';
  readonly query: Query;
}

/** SQL-test only: ASSERT VALUES source [(col, ...)] VALUES (v, ...); */
export interface AssertValues extends StatementBase {
  readonly kind: 'AssertValues';
  readonly source: Identifier;
  readonly columns?: readonly Identifier[];
  readonly values: readonly Expression[];
}

/** SQL-test only: ASSERT NULL VALUES source [(keycol, ...)] KEY (v, ...); */
export interface AssertTombstone extends StatementBase {
  readonly kind: 'AssertTombstone';
  readonly source: Identifier;
  readonly columns?: readonly Identifier[];
  readonly keys: readonly Expression[];
}

/** SQL-test only: ASSERT STREAM|TABLE name (elements) WITH (props); */
export interface AssertSource extends StatementBase {
  readonly kind: 'AssertSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: Identifier;
  readonly elements: readonly TableElement[];
  readonly properties: readonly Property[];
}

/** RUN SCRIPT 'path'; */
export interface RunScript extends StatementBase {
  readonly kind: 'RunScript';
  readonly path: string;
}

/**
 * A statement ksqlDB accepts that this engine does not implement (CREATE TYPE, CREATE
 * CONNECTOR, ALTER, PAUSE/RESUME, ASSERT TOPIC/SCHEMA, ...). The planner rejects it with a
 * KsqlUnsupportedError naming `feature`; it is never silently ignored.
 */
export interface Unsupported extends StatementBase {
  readonly kind: 'Unsupported';
  readonly feature: string;
}

export type StatementKind = Statement['kind'];
export type ExpressionKind = Expression['kind'];
