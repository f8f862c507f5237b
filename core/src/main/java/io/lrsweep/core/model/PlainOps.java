package io.lrsweep.core.model;

import java.util.Arrays;

/**
 * The definition of every value the engine computes (see the package comment), one value at a
 * time in plain Java; also the engine's path when the JVM lacks the Vector API module. Each sum
 * is written out in its defined order: feature sums through {@link #part} (8 partial sums by
 * index mod 8, then {@link Ops#tree}), batch sums sequentially in row order from +0. Products are
 * rounded before they are added (no fused multiply-add). Not thread-safe: one per kernel.
 */
final class PlainOps implements Ops {
    /** The 8 partial sums of the feature sum being computed. */
    private final double[] part = new double[8];

    private void clearParts() {
        Arrays.fill(part, 0.0);
    }

    private double combined() {
        return Ops.tree(part[0], part[1], part[2], part[3], part[4], part[5], part[6], part[7]);
    }

    @Override
    public void forwardByInput(double[] a, int as, int in, double[] p, int kOff, int ks, int bOff,
                               double[] z, int zs, int outPad, int count) {
        for (int b = 0; b < count; b++) {
            for (int o = 0; o < outPad; o++) {
                clearParts();
                for (int i = 0; i < in; i++) {
                    part[i & 7] = part[i & 7] + a[b * as + i] * p[kOff + i * ks + o];
                }
                z[b * zs + o] = combined() + p[bOff + o];
            }
        }
    }

    @Override
    public void forwardByOutput(double[] a, int as, int inPad, double[] p, int kOff, int ks, int bOff, int out,
                                double[] z, int zr, int zc, int count) {
        for (int b = 0; b < count; b++) {
            for (int o = 0; o < out; o++) {
                clearParts();
                for (int i = 0; i < inPad; i++) {
                    part[i & 7] = part[i & 7] + a[b * as + i] * p[kOff + o * ks + i];
                }
                z[b * zr + o * zc] = combined() + p[bOff + o];
            }
        }
    }

    @Override
    public void activate(Activation f, double[] y, int s, int width, int padWidth, int count) {
        for (int b = 0; b < count; b++) {
            int row = b * s;
            for (int j = 0; j < width; j++) {
                y[row + j] = activation(f, y[row + j]);
            }
            Arrays.fill(y, row + width, row + padWidth, 0.0);
        }
    }

    static double activation(Activation f, double z) {
        return switch (f) {
            case RELU -> Math.max(z, 0.0);
            case TANH -> Elementary.tanh(z);
            case SIGMOID -> Elementary.sigmoid(z);
        };
    }

    /** {@code f'} from the activation's output y, as the factor the delta is multiplied by. */
    static double derivative(Activation f, double y) {
        return switch (f) {
            case RELU -> y > 0.0 ? 1.0 : 0.0;
            case TANH -> 1.0 - y * y;
            case SIGMOID -> y * (1.0 - y);
        };
    }

    @Override
    public void softmax(LossFunction loss, double[] z, int rs, int classes, double[] labels, int count, double inv,
                        double[] delta, double[] rowLoss, double[] rowCorrect, double[] rowPasses) {
        for (int b = 0; b < count; b++) {
            double m = z[b];
            for (int c = 1; c < classes; c++) {
                m = Math.max(m, z[c * rs + b]);
            }
            double s = 0.0;
            double zl = z[b];
            double label = labels[b];
            for (int c = 0; c < classes; c++) {
                double zc = z[c * rs + b];
                zl = label == c ? zc : zl;
                double e = Elementary.exp(zc - m);
                z[c * rs + b] = e;
                s = s + e;
            }
            double best = Double.NaN;
            double arg = 0.0;
            double pl = 0.0;
            for (int c = 0; c < classes; c++) {
                double pc = z[c * rs + b] / s;
                z[c * rs + b] = pc;
                if (c == 0) {
                    best = pc;
                    pl = pc;
                } else if (pc > best) {
                    best = pc;
                    arg = c;
                }
                pl = label == c ? pc : pl;
            }
            rowCorrect[b] = arg == label ? 1.0 : 0.0;
            boolean clipPasses = true;
            if (loss == LossFunction.KERAS_CLIPPED) {
                double q = Math.min(Math.max(pl, LossFunction.EPSILON), 1.0 - LossFunction.EPSILON);
                rowLoss[b] = -Elementary.log(q);
                clipPasses = pl >= LossFunction.EPSILON && pl <= 1.0 - LossFunction.EPSILON;
            } else {
                rowLoss[b] = Elementary.log(s) - (zl - m);
            }
            double passes = 0.0;
            if (delta != null) {
                for (int c = 0; c < classes; c++) {
                    double y = label == c ? 1.0 : 0.0;
                    double diff = z[c * rs + b] - y;
                    delta[c * rs + b] = clipPasses ? diff * inv : 0.0;
                    passes = clipPasses && diff != 0.0 ? 1.0 : passes;
                }
            }
            rowPasses[b] = passes;
        }
    }

    @Override
    public void gradByInput(double[] a, int as, int in, double[] d, int ds, int out, int outPad, int count,
                            double[] g, int gOff, int gs) {
        for (int i = 0; i < in; i++) {
            Arrays.fill(g, gOff + i * gs + out, gOff + i * gs + outPad, 0.0);
            for (int o = 0; o < out; o++) {
                double s = 0.0;
                for (int b = 0; b < count; b++) {
                    s = s + a[b * as + i] * d[b * ds + o];
                }
                g[gOff + i * gs + o] = s;
            }
        }
    }

    @Override
    public void gradByOutput(double[] d, int dr, int dc, int out, double[] a, int as, int in, int inPad, int count,
                             double[] g, int gOff, int gs) {
        for (int o = 0; o < out; o++) {
            Arrays.fill(g, gOff + o * gs + in, gOff + o * gs + inPad, 0.0);
            for (int i = 0; i < in; i++) {
                double s = 0.0;
                for (int b = 0; b < count; b++) {
                    s = s + d[b * dr + o * dc] * a[b * as + i];
                }
                g[gOff + o * gs + i] = s;
            }
        }
    }

    @Override
    public void biasGrad(double[] d, int dr, int dc, int out, int outPad, int count, double[] g, int gOff) {
        for (int o = 0; o < out; o++) {
            double s = 0.0;
            for (int b = 0; b < count; b++) {
                s = s + d[b * dr + o * dc];
            }
            g[gOff + o] = s;
        }
        Arrays.fill(g, gOff + out, gOff + outPad, 0.0);
    }

    @Override
    public void deltaBackByOutput(double[] d, int dr, int dc, int out, double[] p, int kOff, int ks,
                                  double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count) {
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < in; i++) {
                clearParts();
                for (int o = 0; o < out; o++) {
                    part[o & 7] = part[o & 7] + d[b * dr + o * dc] * p[kOff + o * ks + i];
                }
                e[b * es + i] = combined() * derivative(f, y[b * ys + i]);
            }
            Arrays.fill(e, b * es + in, b * es + inPad, 0.0);
        }
    }

    @Override
    public void deltaBackByInput(double[] d, int ds, int outPad, double[] p, int kOff, int ks,
                                 double[] y, int ys, Activation f, double[] e, int es, int in, int inPad, int count) {
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < in; i++) {
                clearParts();
                for (int o = 0; o < outPad; o++) {
                    part[o & 7] = part[o & 7] + d[b * ds + o] * p[kOff + i * ks + o];
                }
                e[b * es + i] = combined() * derivative(f, y[b * ys + i]);
            }
            Arrays.fill(e, b * es + in, b * es + inPad, 0.0);
        }
    }

    @Override
    public double sumOfSquares(double[] a, int n) {
        clearParts();
        for (int k = 0; k < n; k++) {
            part[k & 7] = part[k & 7] + a[k] * a[k];
        }
        return combined();
    }
}
