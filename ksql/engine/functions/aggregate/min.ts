import { extremum } from './min-max.ts';

/** MIN(col): smallest non-null value (min-group-by.json). */
export const min = extremum('MIN', 1);
