package io.lrsweep.job.analysis;

/**
 * Least squares of {@code log10(y) = intercept + exponent * log10(x)}: the power law
 * {@code y = 10^intercept * x^exponent}. Points with x or y not finite and positive are left out;
 * with fewer than two distinct x there is no fit (null).
 */
record PowerLawFit(double exponent, double intercept, int points) {

    static PowerLawFit of(double[] x, double[] y) {
        int n = 0;
        double sx = 0.0;
        double sy = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (usable(x[i], y[i])) {
                sx += Math.log10(x[i]);
                sy += Math.log10(y[i]);
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (usable(x[i], y[i])) {
                double dx = Math.log10(x[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log10(y[i]) - my);
            }
        }
        if (!(sxx > 0.0)) {
            return null;
        }
        double slope = sxy / sxx;
        return new PowerLawFit(slope, my - slope * mx, n);
    }

    /** The fitted y at x. */
    double at(double x) {
        return Math.pow(10.0, intercept + exponent * Math.log10(x));
    }

    private static boolean usable(double x, double y) {
        return x > 0.0 && y > 0.0 && Double.isFinite(x) && Double.isFinite(y);
    }
}
