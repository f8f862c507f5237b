package io.lrsweep.core.model;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs {@link ElementaryLanes} over arrays, for the tests. Only this class touches the Vector API,
 * so the test classes that call it still load on a JVM without {@code jdk.incubator.vector}.
 *
 * <p>One loop per function and species, each with a constant species: C2 then knows every
 * vector's exact class where it inlines {@link ElementaryLanes}, and compiles the Vector API calls
 * to vector instructions even though the tests mix species in one JVM (a loop taking the species as
 * a parameter would see several vector classes and run the API's slow Java fallback).
 */
final class ElementaryLanesRunner {
    /** The species the tests cover, by name. */
    static final String[] SPECIES = {"128", "256", "512", "preferred"};

    private static final VectorSpecies<Double> S128 = DoubleVector.SPECIES_128;
    private static final VectorSpecies<Double> S256 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> S512 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> SP = DoubleVector.SPECIES_PREFERRED;

    private ElementaryLanesRunner() {}

    /** The preferred species' lane count on this JVM. */
    static int preferredLanes() {
        return SP.length();
    }

    /**
     * {@code function} over {@code in}, a vector of {@code speciesName} at a time; a tail shorter
     * than a vector is padded with the last argument.
     */
    static double[] apply(String function, String speciesName, double[] in) {
        int f = Arrays.asList(ElementaryInputs.FUNCTIONS).indexOf(function);
        if (f < 0) {
            throw new IllegalArgumentException(function);
        }
        int lanes = 8; // a multiple of every species' lane count
        double[] padded = Arrays.copyOf(in, (in.length + lanes - 1) / lanes * lanes);
        Arrays.fill(padded, in.length, padded.length, in[in.length - 1]);
        double[] out = new double[padded.length];
        switch (speciesName) {
            case "128": run128(f, padded, out); break;
            case "256": run256(f, padded, out); break;
            case "512": run512(f, padded, out); break;
            case "preferred": runPreferred(f, padded, out); break;
            default: throw new IllegalArgumentException(speciesName);
        }
        return Arrays.copyOf(out, in.length);
    }

    private static void run128(int f, double[] in, double[] out) {
        int w = S128.length();
        if (f == 0) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.exp(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
            }
        } else if (f == 1) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.expm1(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
            }
        } else if (f == 2) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.log(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
            }
        } else if (f == 3) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.tanh(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
            }
        } else if (f == 4) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.sigmoid(DoubleVector.fromArray(S128, in, i)).intoArray(out, i);
            }
        }
    }

    private static void run256(int f, double[] in, double[] out) {
        int w = S256.length();
        if (f == 0) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.exp(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
            }
        } else if (f == 1) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.expm1(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
            }
        } else if (f == 2) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.log(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
            }
        } else if (f == 3) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.tanh(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
            }
        } else if (f == 4) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.sigmoid(DoubleVector.fromArray(S256, in, i)).intoArray(out, i);
            }
        }
    }

    private static void run512(int f, double[] in, double[] out) {
        int w = S512.length();
        if (f == 0) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.exp(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
            }
        } else if (f == 1) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.expm1(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
            }
        } else if (f == 2) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.log(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
            }
        } else if (f == 3) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.tanh(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
            }
        } else if (f == 4) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.sigmoid(DoubleVector.fromArray(S512, in, i)).intoArray(out, i);
            }
        }
    }

    private static void runPreferred(int f, double[] in, double[] out) {
        int w = SP.length();
        if (f == 0) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.exp(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
            }
        } else if (f == 1) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.expm1(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
            }
        } else if (f == 2) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.log(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
            }
        } else if (f == 3) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.tanh(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
            }
        } else if (f == 4) {
            for (int i = 0; i < in.length; i += w) {
                ElementaryLanes.sigmoid(DoubleVector.fromArray(SP, in, i)).intoArray(out, i);
            }
        }
    }
}
