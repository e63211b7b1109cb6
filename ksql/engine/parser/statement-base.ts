import type { Location } from './ast.ts';

/** The fields every statement node carries. */
export interface StatementHead {
  readonly loc: Location;
  readonly text: string;
}
