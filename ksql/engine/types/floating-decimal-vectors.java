// Prints "<raw bits hex> <Double.toString>" for n seeded doubles of several shapes; run with a
// Java 17 JDK: `java floating-decimal-vectors.java <seed> <n>` (the vectors were made with seeds 1
// and 7, n = 300,000 and 200,000; zeros, NaN and infinities are skipped).
import java.util.*;
public class Gen { public static void main(String[] a){
  Random r = new Random(Long.parseLong(a[0])); int n = Integer.parseInt(a[1]);
  StringBuilder sb = new StringBuilder();
  for (int i=0;i<n;i++){
    double d; int k = i % 8;
    switch(k){
      case 0: d = Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL); break;
      case 1: d = (double)(r.nextLong() >>> r.nextInt(64)); break;
      case 2: d = Math.scalb(1.0, r.nextInt(2098)-1074); break;
      case 3: d = Double.longBitsToDouble(r.nextLong() & 0x000fffffffffffffL); break;
      case 4: d = (r.nextInt(2000000)) / Math.pow(10, r.nextInt(8)); break;
      case 5: d = r.nextDouble() * Math.pow(10, r.nextInt(40)-20); break;
      case 6: d = Math.scalb((double)(r.nextLong()>>>11), r.nextInt(140)-70); break;
      default: d = (double) r.nextInt(100000) / (1+r.nextInt(1000)); break;
    }
    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) continue;
    sb.append(Long.toHexString(Double.doubleToRawLongBits(d))).append(' ').append(Double.toString(d)).append('\n');
  }
  System.out.print(sb);
}}
