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
  // toExponential() gives the shortest digits as `d.dddde±x`. Java needs a fraction digit; when
  // the shortest form has a single digit, Java prints the two-digit decimal nearest to the
  // exact value (Double.MIN_VALUE is 4.9E-324, not 5.0E-324; literals.json).
  let [mant = '', exp = '0'] = abs.toExponential().split('e');
  if (!mant.includes('.')) [mant = '', exp = '0'] = abs.toExponential(1).split('e');
  return `${sign}${mant}E${Number(exp)}`;
}
