package io.lrsweep.job.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Least-squares parabola {@code y = a x^2 + b x + c} through points, solved by Commons Math's QR
 * decomposition (exact with three points, least squares beyond). Not Breeze: its first call spends
 * over a second loading Scala and native LAPACK, more than the rest of a report.
 * The x values are centred on {@code x0} before solving, which keeps the normal matrix well
 * conditioned when x is far from 0 (log10 of 1e-7 is -7).
 *
 * @param a         the quadratic coefficient in the original x (half the curvature)
 * @param vertexX   {@code -b / 2a} in the original x; NaN when {@code a <= 0} (no minimum)
 * @param vertexY   the parabola's value at the vertex; NaN without a vertex
 */
public record QuadraticFit(double a, double b, double c, double vertexX, double vertexY, int points) {

    /** The second derivative {@code d^2 y / dx^2 = 2a}. */
    public double curvature() {
        return 2.0 * a;
    }

    public double valueAt(double x) {
        return (a * x + b) * x + c;
    }

    /** Fits at least three points with at least three distinct x values. */
    public static QuadraticFit of(double[] x, double[] y, double x0) {
        int n = x.length;
        if (n != y.length || n < 3) {
            throw new IllegalArgumentException("a quadratic fit needs >= 3 points with one y each, got " + n + " x and " + y.length + " y");
        }
        // Design matrix [u^2, u, 1] with u = x - x0.
        double[][] design = new double[n][];
        for (int i = 0; i < n; i++) {
            double u = x[i] - x0;
            design[i] = new double[]{u * u, u, 1.0};
        }
        RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                .solve(new ArrayRealVector(y, true));
        double au = solution.getEntry(0);
        double bu = solution.getEntry(1);
        double cu = solution.getEntry(2);
        // Back to the original x: a (x - x0)^2 + bu (x - x0) + cu.
        double a = au;
        double b = bu - 2.0 * au * x0;
        double c = au * x0 * x0 - bu * x0 + cu;
        double vx = Double.NaN;
        double vy = Double.NaN;
        if (au > 0.0) {
            double vu = -bu / (2.0 * au);
            vx = x0 + vu;
            vy = (au * vu + bu) * vu + cu;
        }
        return new QuadraticFit(a, b, c, vx, vy, n);
    }
}
