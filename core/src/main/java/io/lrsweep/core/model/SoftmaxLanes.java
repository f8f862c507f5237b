package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * {@link PlainOps#softmax} with the batch rows as vector lanes, in passes over the feature-major
 * class rows; each pass is a small method of its own so that C2 compiles its vectors into
 * registers (see {@link VectorOps}). Per-row scratch between passes: the max logit {@code m}, the
 * label's logit {@code zl}, the sum of exponentials, the best probability so far and its class,
 * the label's probability {@code pl}, and the clip's verdict.
 */
final class SoftmaxLanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private double[] m = new double[0];
    private double[] zl = new double[0];
    private double[] sum = new double[0];
    private double[] best = new double[0];
    private double[] arg = new double[0];
    private double[] pl = new double[0];
    private double[] pass = new double[0];


    // The call's arguments, for the passes.
    private double[] z;
    private int rs;
    private double[] labels;
    private int n;
    private double inv;
    private double[] delta;
    private double[] rowLoss;
    private double[] rowCorrect;
    private double[] rowPasses;
    private final ElementaryPasses.Range range = new ElementaryPasses.Range();

    private static final LanePass<SoftmaxLanes> MAX = (s, c) -> s.maxAndLabelLogit(c);
    private static final LanePass<SoftmaxLanes> SHIFT = (s, c) -> s.shift(c);
    private static final LanePass<SoftmaxLanes> ACCUMULATE = (s, c) -> s.accumulate(c);
    private static final LanePass<SoftmaxLanes> FIRST = (s, c) -> s.firstProbability();
    private static final LanePass<SoftmaxLanes> PROBABILITY = (s, c) -> s.probability(c);
    private static final LanePass<SoftmaxLanes> CORRECT = (s, c) -> s.correct();
    private static final LanePass<SoftmaxLanes> CLIP = (s, c) -> s.clip();
    private static final LanePass<SoftmaxLanes> NEGATE_LOSS = (s, c) -> s.negateLoss();
    private static final LanePass<SoftmaxLanes> LOGIT_LOSS = (s, c) -> s.logitLoss();
    private static final LanePass<SoftmaxLanes> VERDICT = (s, c) -> s.clipVerdict();
    private static final LanePass<SoftmaxLanes> DELTA = (s, c) -> s.delta(c);

    /** The passes, read from an array so that C2 cannot know which one a call runs (see LanePass). */
    private static final LanePass<SoftmaxLanes>[] PASSES = passes(MAX, SHIFT, ACCUMULATE, FIRST, PROBABILITY, CORRECT, CLIP, NEGATE_LOSS, LOGIT_LOSS, VERDICT, DELTA);
    private static final int MAX_AT = 0;
    private static final int SHIFT_AT = 1;
    private static final int ACCUMULATE_AT = 2;
    private static final int FIRST_AT = 3;
    private static final int PROBABILITY_AT = 4;
    private static final int CORRECT_AT = 5;
    private static final int CLIP_AT = 6;
    private static final int NEGATE_LOSS_AT = 7;
    private static final int LOGIT_LOSS_AT = 8;
    private static final int VERDICT_AT = 9;
    private static final int DELTA_AT = 10;

    @SafeVarargs
    private static LanePass<SoftmaxLanes>[] passes(LanePass<SoftmaxLanes>... all) {
        return all;
    }

    void run(LossFunction loss, double[] z, int rs, int classes, double[] labels, int count, double inv,
             double[] delta, double[] rowLoss, double[] rowCorrect, double[] rowPasses) {
        if (m.length < rs) {
            m = new double[rs];
            zl = new double[rs];
            sum = new double[rs];
            best = new double[rs];
            arg = new double[rs];
            pl = new double[rs];
            pass = new double[rs];
        }
        this.z = z;
        this.rs = rs;
        this.labels = labels;
        // Whole vectors of rows; the lanes past count compute on stale values nobody reads.
        this.n = (count + L - 1) / L * L;
        this.inv = inv;
        this.delta = delta;
        this.rowLoss = rowLoss;
        this.rowCorrect = rowCorrect;
        this.rowPasses = rowPasses;
        System.arraycopy(z, 0, m, 0, n);
        System.arraycopy(z, 0, zl, 0, n);
        for (int c = 1; c < classes; c++) {
            LanePass.run(PASSES[MAX_AT], this, c);
        }
        Arrays.fill(sum, 0, n, 0.0);
        for (int c = 0; c < classes; c++) {
            LanePass.run(PASSES[SHIFT_AT], this, c);
            ElementaryPasses.exp(range.set(z, c * rs, c * rs + n));
            LanePass.run(PASSES[ACCUMULATE_AT], this, c);
        }
        LanePass.run(PASSES[FIRST_AT], this, 0);
        for (int c = 1; c < classes; c++) {
            LanePass.run(PASSES[PROBABILITY_AT], this, c);
        }
        LanePass.run(PASSES[CORRECT_AT], this, 0);
        if (loss == LossFunction.KERAS_CLIPPED) {
            LanePass.run(PASSES[CLIP_AT], this, 0);
            ElementaryPasses.log(range.set(rowLoss, 0, n));
            LanePass.run(PASSES[NEGATE_LOSS_AT], this, 0);
        } else {
            System.arraycopy(sum, 0, rowLoss, 0, n);
            ElementaryPasses.log(range.set(rowLoss, 0, n));
            LanePass.run(PASSES[LOGIT_LOSS_AT], this, 0);
        }
        Arrays.fill(rowPasses, 0, n, 0.0);
        if (delta == null) {
            return;
        }
        if (loss == LossFunction.KERAS_CLIPPED) {
            LanePass.run(PASSES[VERDICT_AT], this, 0);
        } else {
            Arrays.fill(pass, 0, n, 1.0);
        }
        for (int c = 0; c < classes; c++) {
            LanePass.run(PASSES[DELTA_AT], this, c);
        }
        this.z = null;
        this.labels = null;
        this.delta = null;
    }

    private void maxAndLabelLogit(int c) {
        int zc = c * rs;
        for (int b = 0; b < n; b += L) {
            DoubleVector v = DoubleVector.fromArray(S, z, zc + b);
            DoubleVector.fromArray(S, m, b).max(v).intoArray(m, b);
            DoubleVector.fromArray(S, zl, b).blend(v, DoubleVector.fromArray(S, labels, b).compare(VectorOperators.EQ, (double) c)).intoArray(zl, b);
        }
    }

    private void shift(int c) {
        int zc = c * rs;
        for (int b = 0; b < n; b += L) {
            DoubleVector.fromArray(S, z, zc + b).sub(DoubleVector.fromArray(S, m, b)).intoArray(z, zc + b);
        }
    }

    private void accumulate(int c) {
        int zc = c * rs;
        for (int b = 0; b < n; b += L) {
            DoubleVector.fromArray(S, sum, b).add(DoubleVector.fromArray(S, z, zc + b)).intoArray(sum, b);
        }
    }

    private void firstProbability() {
        for (int b = 0; b < n; b += L) {
            DoubleVector p = DoubleVector.fromArray(S, z, b).div(DoubleVector.fromArray(S, sum, b));
            p.intoArray(z, b);
            p.intoArray(best, b);
            p.intoArray(pl, b);
        }
        Arrays.fill(arg, 0, n, 0.0);
    }

    private void probability(int c) {
        int zc = c * rs;
        for (int b = 0; b < n; b += L) {
            DoubleVector p = DoubleVector.fromArray(S, z, zc + b).div(DoubleVector.fromArray(S, sum, b));
            p.intoArray(z, zc + b);
            DoubleVector bv = DoubleVector.fromArray(S, best, b);
            VectorMask<Double> better = p.compare(VectorOperators.GT, bv);
            bv.blend(p, better).intoArray(best, b);
            DoubleVector.fromArray(S, arg, b).blend((double) c, better).intoArray(arg, b);
            DoubleVector.fromArray(S, pl, b).blend(p, DoubleVector.fromArray(S, labels, b).compare(VectorOperators.EQ, (double) c)).intoArray(pl, b);
        }
    }

    private void correct() {
        DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < n; b += L) {
            zero.blend(1.0, DoubleVector.fromArray(S, arg, b).compare(VectorOperators.EQ, DoubleVector.fromArray(S, labels, b))).intoArray(rowCorrect, b);
        }
    }

    private void clip() {
        for (int b = 0; b < n; b += L) {
            DoubleVector.fromArray(S, pl, b).max(LossFunction.EPSILON).min(1.0 - LossFunction.EPSILON).intoArray(rowLoss, b);
        }
    }

    private void negateLoss() {
        for (int b = 0; b < n; b += L) {
            DoubleVector.fromArray(S, rowLoss, b).neg().intoArray(rowLoss, b);
        }
    }

    private void logitLoss() {
        for (int b = 0; b < n; b += L) {
            DoubleVector.fromArray(S, rowLoss, b).sub(DoubleVector.fromArray(S, zl, b).sub(DoubleVector.fromArray(S, m, b))).intoArray(rowLoss, b);
        }
    }

    private void clipVerdict() {
        DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < n; b += L) {
            DoubleVector p = DoubleVector.fromArray(S, pl, b);
            VectorMask<Double> inside = p.compare(VectorOperators.GE, LossFunction.EPSILON)
                    .and(p.compare(VectorOperators.LE, 1.0 - LossFunction.EPSILON));
            zero.blend(1.0, inside).intoArray(pass, b);
        }
    }

    private void delta(int c) {
        int zc = c * rs;
        DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < n; b += L) {
            DoubleVector y = zero.blend(1.0, DoubleVector.fromArray(S, labels, b).compare(VectorOperators.EQ, (double) c));
            DoubleVector diff = DoubleVector.fromArray(S, z, zc + b).sub(y);
            VectorMask<Double> passes = DoubleVector.fromArray(S, pass, b).compare(VectorOperators.NE, 0.0);
            zero.blend(diff.mul(inv), passes).intoArray(delta, zc + b);
            DoubleVector.fromArray(S, rowPasses, b).blend(1.0, diff.compare(VectorOperators.NE, 0.0).and(passes)).intoArray(rowPasses, b);
        }
    }
}
