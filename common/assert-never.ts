/** Exhaustiveness check for switches over discriminated unions: a new kind breaks the build. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}
