package io.lrsweep.core.model;

/**
 * The child process of {@code ElementaryJvmFlagsTest}: computes every {@link Elementary} function
 * over {@link ElementaryInputs#forFunction} arguments, scalar and on each requested vector species,
 * and prints one line per result set: {@code function scalar hash} and
 * {@code function species hash mismatches firstMismatch}, plus {@code lanes n} (the preferred
 * species' lane count). Arguments: count, seed, species names ({@link ElementaryLanesRunner#SPECIES}).
 * One JVM per species keeps C2's type profiles of {@link ElementaryLanes} to one vector class, as
 * in the engine (mixing species in one JVM makes the methods megamorphic and slow, not wrong).
 */
public final class ElementaryHashMain {
    private ElementaryHashMain() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        StringBuilder report = new StringBuilder();
        if (args.length > 2) {
            report.append("lanes ").append(ElementaryLanesRunner.preferredLanes()).append('\n');
        }
        for (String function : ElementaryInputs.FUNCTIONS) {
            double[] in = ElementaryInputs.forFunction(function, n, seed);
            double[] scalar = ElementaryInputs.applyScalar(function, in);
            report.append(function).append(" scalar ").append(ElementaryInputs.hash(scalar)).append('\n');
            for (int s = 2; s < args.length; s++) {
                double[] lanes = ElementaryLanesRunner.apply(function, args[s], in);
                int mismatches = 0;
                String first = "-";
                for (int i = 0; i < n; i++) {
                    if (ElementaryInputs.canonicalBits(lanes[i]) != ElementaryInputs.canonicalBits(scalar[i])) {
                        if (mismatches++ == 0) {
                            first = "x=" + Double.toHexString(in[i]) + ",lane=" + Double.toHexString(lanes[i])
                                    + ",scalar=" + Double.toHexString(scalar[i]);
                        }
                    }
                }
                report.append(function).append(' ').append(args[s]).append(' ').append(ElementaryInputs.hash(lanes))
                        .append(' ').append(mismatches).append(' ').append(first).append('\n');
            }
        }
        System.out.print(report);
    }
}
