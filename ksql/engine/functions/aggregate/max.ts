import { extremum } from './min-max.ts';

/** MAX(col): largest non-null value (max-group-by.json). */
export const max = extremum('MAX', -1);
