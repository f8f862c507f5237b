package io.lrsweep.core.data;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An independent high-precision natural log for tests: 60 significant digits, mantissa reduced to
 * [1, 2) (not [sqrt(1/2), sqrt(2)] as in the code under test) and ln 2 from the series
 * sum 1 / (k 2^k) (not 2 atanh(1/3)), so the two share no reduction or constant.
 */
final class ReferenceLog {

    static final MathContext MC = new MathContext(60);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal LN2 = ln2();

    private ReferenceLog() {
    }

    /** log x to 60 digits, for finite x > 0, via x = m 2^e with m in [1, 2). */
    static BigDecimal log(double x) {
        int shift = 0;
        double normal = x;
        if (x < Double.MIN_NORMAL) {
            normal = x * 0x1p60;
            shift = -60;
        }
        int exponent = Math.getExponent(normal);
        BigDecimal m = new BigDecimal(Math.scalb(normal, -exponent));
        exponent += shift;
        BigDecimal s = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal square = s.multiply(s, MC);
        BigDecimal term = s;
        BigDecimal sum = s;
        BigDecimal threshold = new BigDecimal("1e-70");
        for (int k = 1; term.abs().compareTo(threshold) > 0; k++) {
            term = term.multiply(square, MC);
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
        }
        return LN2.multiply(BigDecimal.valueOf(exponent), MC).add(sum.multiply(TWO, MC), MC);
    }

    /** log x rounded half-even to a double (BigDecimal.doubleValue rounds to nearest-even). */
    static double rounded(double x) {
        return log(x).doubleValue();
    }

    private static BigDecimal ln2() {
        MathContext mc = new MathContext(70);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal half = BigDecimal.ONE;
        for (int k = 1; k < 260; k++) {
            half = half.divide(TWO);
            sum = sum.add(half.divide(BigDecimal.valueOf(k), mc), mc);
        }
        return sum.round(MC);
    }
}
