package io.lrsweep.job.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One call of {@link Main#execute(PrintWriter, PrintWriter, String...)} with what it printed. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
