import type { ScalarFunction } from '../function-types.ts';
import { lcase } from './lcase.ts';
import { ucase } from './ucase.ts';

/** Every scalar function, one line each (registry.ts indexes them by name). */
export const SCALAR_FUNCTIONS: readonly ScalarFunction[] = [lcase, ucase];
