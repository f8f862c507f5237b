package io.lrsweep.core.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementaryLanes}'s functions applied in place over an array range, each in a loop of its
 * own and each loop its own compiled method (the {@link LanePass}es are never inlined into one
 * another), which is what C2 needs to keep their vectors in registers (see ElementaryLanes). The
 * range's length must be a multiple of the vector length.
 */
final class ElementaryPasses {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** The array and range a pass works on. */
    static final class Range {
        double[] a;
        int from;
        int to;

        Range set(double[] a, int from, int to) {
            this.a = a;
            this.from = from;
            this.to = to;
            return this;
        }
    }

    private static final LanePass<Range> EXP = (r, i) -> exp(r.a, r.from, r.to);
    private static final LanePass<Range> LOG = (r, i) -> log(r.a, r.from, r.to);
    private static final LanePass<Range> TANH = (r, i) -> tanh(r.a, r.from, r.to);
    private static final LanePass<Range> SIGMOID = (r, i) -> sigmoid(r.a, r.from, r.to);

    /** The passes, read from an array so that C2 cannot know which one a call runs (see LanePass). */
    private static final LanePass<Range>[] PASSES = passes(EXP, LOG, TANH, SIGMOID);

    @SafeVarargs
    private static LanePass<Range>[] passes(LanePass<Range>... all) {
        return all;
    }

    private ElementaryPasses() {}

    static void exp(Range r) {
        LanePass.run(PASSES[0], r, 0);
    }

    static void log(Range r) {
        LanePass.run(PASSES[1], r, 0);
    }

    static void tanh(Range r) {
        LanePass.run(PASSES[2], r, 0);
    }

    static void sigmoid(Range r) {
        LanePass.run(PASSES[3], r, 0);
    }

    private static void exp(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            ElementaryLanes.exp(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
    }

    private static void log(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            ElementaryLanes.log(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
    }

    private static void tanh(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            ElementaryLanes.tanh(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
    }

    private static void sigmoid(double[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(S, a, i)).intoArray(a, i);
        }
    }
}
