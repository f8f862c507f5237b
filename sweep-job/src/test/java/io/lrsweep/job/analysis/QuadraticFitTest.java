package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Breeze least-squares parabola: exact on exact data, least squares beyond, no vertex when concave. */
class QuadraticFitTest {

    @Test
    void threePointsOnAParabolaGiveItBack() {
        double[] x = {-4, -3, -2};
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = 0.7 * (x[i] + 2.6) * (x[i] + 2.6) + 0.4;
        }
        QuadraticFit f = QuadraticFit.of(x, y, -3);
        assertEquals(0.7, f.a(), 1e-12);
        assertEquals(1.4, f.curvature(), 1e-12);
        assertEquals(-2.6, f.vertexX(), 1e-12);
        assertEquals(0.4, f.vertexY(), 1e-12);
    }

    @Test
    void moreThanThreePointsAreFittedByLeastSquares() {
        // y = x^2 plus a symmetric perturbation: the least-squares residuals are orthogonal to every
        // column of the design (1, x, x^2), and symmetric data leaves the vertex at 0.
        double[] x = {-2, -1, 0, 1, 2};
        double[] y = {4.1, 0.9, 0.1, 0.9, 4.1};
        QuadraticFit f = QuadraticFit.of(x, y, 0.0);
        assertEquals(0.0, f.b(), 1e-12);
        assertEquals(0.0, f.vertexX(), 1e-12);
        double r0 = 0, r2 = 0;
        for (int i = 0; i < 5; i++) {
            double res = y[i] - f.valueAt(x[i]);
            r0 += res;
            r2 += res * x[i] * x[i];
        }
        assertEquals(0.0, r0, 1e-12);
        assertEquals(0.0, r2, 1e-12);
        assertTrue(f.a() > 1.0, "the +0.1 at the ends steepen the parabola: " + f.a());
    }

    @Test
    void aConcaveFitHasNoVertex() {
        QuadraticFit f = QuadraticFit.of(new double[]{0, 1, 2}, new double[]{0, 1, 0}, 1.0);
        assertTrue(f.a() < 0);
        assertTrue(Double.isNaN(f.vertexX()));
    }
}
