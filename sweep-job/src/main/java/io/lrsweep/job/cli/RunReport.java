package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunSummary;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Paths;

/** The block {@code run} ends with: where the tables are and what happened to the trials (the report's summary follows). */
final class RunReport {

    private RunReport() {}

    static void print(RunSummary s, String sweep, long elapsedSeconds, PrintWriter out) {
        String root = shown(s.out());
        out.println();
        out.println("sweep " + sweep + " finished in " + Durations.format(elapsedSeconds));
        out.println("  output   " + root);
        out.println("  curves   " + child(root, "curves") + "   (one row per trial and epoch)");
        out.println("  trials   " + child(root, "trials") + "   (one row per trial)");
        out.println("  sweep    " + child(root, "sweep.json") + "   (the resolved sweep)");
        out.println("  counts   " + s.totalTrials() + " trials: " + s.ran() +  " ran (ok " + s.ok() + ", diverged "
                + s.diverged() + ", saturated " + s.saturated() + ", stalled " + s.stalled() + ", failed " + s.failed()
                + "), " + s.resumed() + " resumed");
        if (s.failed() > 0) {
            out.println("warning: " + s.failed() + " trial" + (s.failed() == 1 ? "" : "s")
                    + " failed; their rows in trials/ have status failed");
        }
        out.flush();
    }

    /** A local output shows as a plain path; other file systems keep their URI. */
    static String shown(String out) {
        if (out.startsWith("file:")) {
            try {
                return Paths.get(URI.create(out)).toString();
            } catch (IllegalArgumentException e) {
                return out;
            }
        }
        return out;
    }

    private static String child(String root, String name) {
        return root.endsWith("/") ? root + name : root + "/" + name;
    }
}
