package io.lrsweep.job.analysis;

/**
 * Text compared with its runs of digits read as numbers: {@code [8] < [32] < [128] < [64,64]}
 * ({@code 64 < 128}), {@code cosine(warmup_epochs=5,...) < cosine(warmup_epochs=10,...)}. Equal
 * texts only compare equal; otherwise ties in value (as {@code 7} and {@code 07}) fall back to the
 * plain text order.
 */
final class NaturalOrder {
    private NaturalOrder() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareDigits(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && Character.isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** Two runs of digits by value: the longer one without leading zeros is larger. */
    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        int c = Integer.compare(x.length(), y.length());
        return c != 0 ? c : x.compareTo(y);
    }
}
