/**
 * Java's Double.toString, which Jackson uses for JSON and ksqlDB for DELIMITED: `1.0`,
 * `1234.589`, `4.611686018427388E18`, `1.0E-4` (scientific below 10^-3 and from 10^7), with
 * the shortest round-trip digits (what JavaScript prints, and JDK 19+). One difference: when
 * the shortest form has a single digit, Java may pick a closer two-digit decimal, which only
 * happens for subnormals (Double.MIN_VALUE is `4.9E-324`, literals.json "DOUBLE literal min/max").
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
  let [mant, exp] = n.toExponential().split('e') as [string, string];
  if (abs < MIN_NORMAL && /^-?\d$/.test(mant)) [mant, exp] = closestTwoDigits(n, mant, Number(exp));
  const m = mant.includes('.') ? mant : `${mant}.0`;
  return `${m}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Among the one- and two-digit decimals that read back as `n` (Java's rule when the shortest
 * form has one digit), the one closest to `n`.
 */
function closestTwoDigits(n: number, mant: string, exp: number): [string, string] {
  const x = Math.abs(n);
  const { m, e } = exactBinary(x);
  const lowest = exp - 2; // candidates k·10^q with k in 10..99 and q in exp-2 .. exp-1
  let best: { k: bigint; q: number } = { k: BigInt(Math.abs(Number(mant))) * 10n, q: exp - 1 };
  let bestDiff: bigint | undefined;
  for (let q = lowest; q <= exp - 1; q++) {
    for (let k = 10n; k <= 99n; k++) {
      if (Number(`${k}e${q}`) !== x) continue;
      // |k·10^q − m·2^e| scaled by 10^-lowest · 2^-e (both exponents are negative here)
      const diff = absBig(k * 10n ** BigInt(q - lowest) * 2n ** BigInt(-e) - m * 10n ** BigInt(-lowest));
      if (bestDiff === undefined || diff < bestDiff) {
        best = { k, q };
        bestDiff = diff;
      }
    }
  }
  const text = best.k.toString();
  return [`${n < 0 ? '-' : ''}${text[0]}.${text[1]}`, String(best.q + 1)];
}

/** x = m · 2^e exactly. */
function exactBinary(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return expBits === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: expBits - 1075 };
}

function absBig(v: bigint): bigint {
  return v < 0n ? -v : v;
}
