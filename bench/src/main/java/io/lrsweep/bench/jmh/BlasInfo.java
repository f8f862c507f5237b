package io.lrsweep.bench.jmh;

/** Prints which BLAS implementation Breeze's products run on in a JVM started like the JMH forks. */
public final class BlasInfo {
    private BlasInfo() {}

    public static void main(String[] args) {
        System.out.println(dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName());
    }
}
