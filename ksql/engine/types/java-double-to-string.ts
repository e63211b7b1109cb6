/**
 * Java's `Double.toString(d)`: plain notation with at least one fraction digit for
 * 10^-3 <= |d| < 10^7, otherwise computerized scientific notation (`1.0E10`, `1.5E-5`).
 * Digits are JS's shortest round-trip digits (what JDK 19+ prints too).
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  const sign = d < 0 ? '-' : '';
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(abs);
    return sign + (s.includes('.') ? s : `${s}.0`);
  }
  // toExponential() gives the shortest digits as `d.dddde±x`.
  const [mant = '', exp = '0'] = abs.toExponential().split('e');
  const m = mant.includes('.') ? mant : `${mant}.0`;
  return `${sign}${m}E${Number(exp)}`;
}
