package io.lrsweep.job.analysis;

import breeze.linalg.DenseMatrix;
import breeze.linalg.DenseVector;
import breeze.linalg.operators.HasOps$;

/**
 * Least-squares parabola {@code y = a x^2 + b x + c} through points, solved by Breeze
 * ({@code A \ y}: LU when there are exactly three points, LAPACK's QR least squares beyond).
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
        // Column-major design matrix [u^2, u, 1] with u = x - x0.
        double[] design = new double[3 * n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            double u = x[i] - x0;
            design[i] = u * u;
            design[n + i] = u;
            design[2 * n + i] = 1.0;
            rhs[i] = y[i];
        }
        DenseMatrix<Object> matrix = new DenseMatrix<>(n, 3, design);
        DenseVector<Object> vector = new DenseVector<>(rhs);
        @SuppressWarnings("unchecked")
        DenseVector<Object> solution = (DenseVector<Object>) matrix.$bslash(vector,
                HasOps$.MODULE$.impl_OpSolveMatrixBy_DMD_DVD_eq_DVD());
        double au = (Double) solution.apply(0);
        double bu = (Double) solution.apply(1);
        double cu = (Double) solution.apply(2);
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
