/**
 * Java's Double.toString, which Jackson uses for JSON and ksqlDB for DELIMITED: `1.0`,
 * `1234.589`, `4.611686018427388E18`, `1.0E-4` (scientific below 10^-3 and from 10^7), with
 * JavaScript's shortest round-trip digits (JDK 19+ prints the same digits).
 */
export function javaDoubleString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mant, exp] = n.toExponential().split('e') as [string, string];
  const m = mant.includes('.') ? mant : `${mant}.0`;
  return `${m}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}
