package io.lrsweep.job.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --master} as every command that starts Spark checks it, before Spark starts: the URL
 * forms Spark 4 accepts, with at least one thread in local mode ({@code local[0]} would never run
 * a task) and at least one attempt per task.
 */
final class MasterUrl {

    static final String FORMS = "local, local[N], local[*], local[N,RETRIES], local-cluster[W,C,MB], spark://HOST:PORT, "
            + "yarn or k8s://URL (N, RETRIES, W, C, MB >= 1)";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\d+|\\*)(,(\\d+))?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[(\\d+),(\\d+),(\\d+)]");
    private static final Pattern REMOTE = Pattern.compile("spark://[^\\s/]+(:\\d+)?(,[^\\s/]+(:\\d+)?)*|yarn|k8s://\\S+");

    private MasterUrl() {}

    /** Throws a usage error (exit 2) unless {@code master} is null (the default) or a usable master URL. */
    static void check(CommandLine cmd, String master) {
        if (master == null) {
            return;
        }
        if (!usable(master)) {
            throw new ParameterException(cmd, "--master must be " + FORMS + ", got '" + master + "'");
        }
    }

    static boolean usable(String master) {
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            return positive(local.group(2)) && positive(local.group(4));
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            return positive(cluster.group(1)) && positive(cluster.group(2)) && positive(cluster.group(3));
        }
        return REMOTE.matcher(master).matches();
    }

    /** Null (absent), {@code *}, or a decimal number from 1 to Integer.MAX_VALUE. */
    private static boolean positive(String n) {
        if (n == null || n.equals("*")) {
            return true;
        }
        try {
            return Integer.parseInt(n) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
