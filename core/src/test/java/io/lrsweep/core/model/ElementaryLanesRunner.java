package io.lrsweep.core.model;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs {@link ElementaryLanes} over arrays, for the tests. Only this class touches the Vector API,
 * so the test classes that call it still load on a JVM without {@code jdk.incubator.vector}.
 *
 * <p>One method per function and species, each a loop with a constant species: C2 then knows
 * every vector's exact class where it inlines {@link ElementaryLanes} (a loop taking the species as
 * a parameter would see several vector classes and run the API's slow Java fallback), and compiles
 * each loop on its own (two functions in one compiled method exhaust C2's inlining budget: the
 * second is called, not inlined, and its vectors boxed).
 */
final class ElementaryLanesRunner {
    /** The species the tests cover, by name. */
    static final String[] SPECIES = {"128", "256", "512", "preferred"};

    private static final VectorSpecies<Double> S128 = DoubleVector.SPECIES_128;
    private static final VectorSpecies<Double> S256 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> S512 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;

    private ElementaryLanesRunner() {}

    /** The lane count of a species, by name. */
    static int lanes(String speciesName) {
        switch (speciesName) {
            case "128": return S128.length();
            case "256": return S256.length();
            case "512": return S512.length();
            case "preferred": return SP.length();
            default: throw new IllegalArgumentException(speciesName);
        }
    }

    /** The preferred species' lane count on this JVM. */
    static int preferredLanes() {
        return SP.length();
    }

    /**
     * {@code function} over {@code in}, a vector of {@code speciesName} at a time; a tail shorter
     * than a vector is padded with the last argument.
     */
    static double[] apply(String function, String speciesName, double[] in) {
        int lanes = 8; // a multiple of every species' lane count
        double[] padded = Arrays.copyOf(in, (in.length + lanes - 1) / lanes * lanes);
        Arrays.fill(padded, in.length, padded.length, in[in.length - 1]);
        double[] out = new double[padded.length];
        applyInto(functionIndex(function), speciesName, padded, out);
        return Arrays.copyOf(out, in.length);
    }

    /** The index of {@code function} in {@link ElementaryInputs#FUNCTIONS}. */
    static int functionIndex(String function) {
        int f = Arrays.asList(ElementaryInputs.FUNCTIONS).indexOf(function);
        if (f < 0) {
            throw new IllegalArgumentException(function);
        }
        return f;
    }

    /**
     * Function number {@code f} over {@code in} (its length a multiple of 8) into {@code out},
     * allocating nothing itself: what it allocates, the vector code does.
     */
    static void applyInto(int f, String speciesName, double[] in, double[] out) {
        switch (speciesName) {
            case "128": run128(f, in, out); break;
            case "256": run256(f, in, out); break;
            case "512": run512(f, in, out); break;
            case "preferred": runPreferred(f, in, out); break;
            default: throw new IllegalArgumentException(speciesName);
        }
    }

    private static void run128(int f, double[] in, double[] out) {
        switch (f) {
            case 0: exp128(in, out); break;
            case 1: expm1128(in, out); break;
            case 2: log128(in, out); break;
            case 3: tanh128(in, out); break;
            case 4: sigmoid128(in, out); break;
            default: throw new IllegalArgumentException(Integer.toString(f));
        }
    }

    private static void run256(int f, double[] in, double[] out) {
        switch (f) {
            case 0: exp256(in, out); break;
            case 1: expm1256(in, out); break;
            case 2: log256(in, out); break;
            case 3: tanh256(in, out); break;
            case 4: sigmoid256(in, out); break;
            default: throw new IllegalArgumentException(Integer.toString(f));
        }
    }

    private static void run512(int f, double[] in, double[] out) {
        switch (f) {
            case 0: exp512(in, out); break;
            case 1: expm1512(in, out); break;
            case 2: log512(in, out); break;
            case 3: tanh512(in, out); break;
            case 4: sigmoid512(in, out); break;
            default: throw new IllegalArgumentException(Integer.toString(f));
        }
    }

    private static void runPreferred(int f, double[] in, double[] out) {
        switch (f) {
            case 0: expPreferred(in, out); break;
            case 1: expm1Preferred(in, out); break;
            case 2: logPreferred(in, out); break;
            case 3: tanhPreferred(in, out); break;
            case 4: sigmoidPreferred(in, out); break;
            default: throw new IllegalArgumentException(Integer.toString(f));
        }
    }

    private static void exp128(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S128.length()) {
            ElementaryLanes.exp(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
        }
    }

    private static void expm1128(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S128.length()) {
            ElementaryLanes.expm1(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
        }
    }

    private static void log128(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S128.length()) {
            ElementaryLanes.log(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
        }
    }

    private static void tanh128(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S128.length()) {
            ElementaryLanes.tanh(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
        }
    }

    private static void sigmoid128(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S128.length()) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
        }
    }

    private static void exp256(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S256.length()) {
            ElementaryLanes.exp(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
        }
    }

    private static void expm1256(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S256.length()) {
            ElementaryLanes.expm1(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
        }
    }

    private static void log256(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S256.length()) {
            ElementaryLanes.log(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
        }
    }

    private static void tanh256(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S256.length()) {
            ElementaryLanes.tanh(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
        }
    }

    private static void sigmoid256(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S256.length()) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
        }
    }

    private static void exp512(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S512.length()) {
            ElementaryLanes.exp(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
        }
    }

    private static void expm1512(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S512.length()) {
            ElementaryLanes.expm1(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
        }
    }

    private static void log512(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S512.length()) {
            ElementaryLanes.log(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
        }
    }

    private static void tanh512(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S512.length()) {
            ElementaryLanes.tanh(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
        }
    }

    private static void sigmoid512(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += S512.length()) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
        }
    }

    private static void expPreferred(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += SP.length()) {
            ElementaryLanes.exp(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
        }
    }

    private static void expm1Preferred(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += SP.length()) {
            ElementaryLanes.expm1(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
        }
    }

    private static void logPreferred(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += SP.length()) {
            ElementaryLanes.log(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
        }
    }

    private static void tanhPreferred(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += SP.length()) {
            ElementaryLanes.tanh(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
        }
    }

    private static void sigmoidPreferred(double[] in, double[] out) {
        for (int i = 0; i < in.length; i += SP.length()) {
            ElementaryLanes.sigmoid(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
        }
    }
}
