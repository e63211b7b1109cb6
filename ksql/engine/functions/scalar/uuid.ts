import { randomUUID } from 'node:crypto';
import { STRING } from '../../types/sql-type.ts';
import { noOverload, resolved, scalarFunction } from './define.ts';

/** UUID(): a random (version 4) UUID string. */
export const uuid = scalarFunction('UUID', (t) =>
  t.length === 0 ? resolved(STRING, () => randomUUID()) : noOverload('UUID', t),
);
