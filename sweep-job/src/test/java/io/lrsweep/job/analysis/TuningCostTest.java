package io.lrsweep.job.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The expected best of k random grid points against brute force, and the tuning-cost rows of a small grid. */
class TuningCostTest {

    @Test
    void theExactExpectationIsTheMeanOverEverySubsetOfK() {
        double[] values = {0.41, 0.43, 0.43, 0.5, 0.62, 0.7, 0.71, 0.9, 1.1};
        Arrays.sort(values);
        int n = values.length;
        for (int k = 1; k <= n; k++) {
            double[] sumAndCount = new double[2];
            subsets(values, k, 0, Double.POSITIVE_INFINITY, sumAndCount);
            assertEquals(sumAndCount[0] / sumAndCount[1], TuningCost.expectedBest(values, k), 1e-12, "k = " + k);
        }
        assertEquals(Arrays.stream(values).average().orElseThrow(), TuningCost.expectedBest(values, 1), 1e-12);
        assertEquals(values[0], TuningCost.expectedBest(values, n), 0.0);
        assertThrows(IllegalArgumentException.class, () -> TuningCost.expectedBest(values, 0));
    }

    /** Every k-subset of values[from..], each adding its minimum (min so far) to sum and 1 to count. */
    private static void subsets(double[] values, int k, int from, double min, double[] sumAndCount) {
        if (k == 0) {
            sumAndCount[0] += min;
            sumAndCount[1]++;
            return;
        }
        for (int i = from; i <= values.length - k; i++) {
            subsets(values, k - 1, i + 1, Math.min(min, values[i]), sumAndCount);
        }
    }

    @Test
    void aGridPointThatDivergedCountsAsTheUntrainedNet() {
        SyntheticGrid g = new SyntheticGrid();
        SyntheticGrid.Loss loss = (lr, v, seed, e) -> lr == 0.1 ? 0.3 : 0.5;
        g.add(SyntheticGrid.Axis.NONE, 0, 0.1, 0, 4, "ok", loss);
        g.add(SyntheticGrid.Axis.NONE, 0, 0.01, 0, 4, "ok", loss);
        g.add(SyntheticGrid.Axis.NONE, 0, 1.0, 0, 4, "diverged", loss);
        List<TuningCost> costs = g.analyse().tuningCost();
        assertEquals(1, costs.size());
        TuningCost c = costs.get(0);
        assertEquals("sgd", c.optimizer());
        assertEquals("constant", c.schedule());
        assertEquals(List.of(0.3, 0.5, SyntheticGrid.INITIAL), new ArrayList<>(c.values()));
        assertEquals((0.3 + 0.5 + SyntheticGrid.INITIAL) / 3, c.expected()[0], 1e-12);
        assertEquals((0.3 + 0.3 + 0.5) / 3, c.expected()[1], 1e-12);
        assertEquals(0.3, c.expected()[2], 0.0);
        // val_accuracy = 1 - val_loss / 2 from epoch 1: 0.85 and 0.75, so only lr 0.1 reaches 0.8, at epoch 1
        assertEquals(1, c.reaching());
        assertEquals(1.0, c.fastest().epochs());
        assertEquals(1.0, c.fastest().seconds(), 1e-12, "1000 ms per epoch");
        assertEquals(c.fastest(), c.best());
    }
}
