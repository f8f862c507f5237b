package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;

import java.io.PrintWriter;

/**
 * The run's events on stderr, passed on to the progress counts: every note (a torn wave set aside,
 * a stale lock taken over) as {@code note: ...}, and with {@code --verbose} a line per committed wave.
 */
final class RunEvents implements RunListener {

    private final RunListener next;
    private final PrintWriter err;
    private final String lineStart;
    private final boolean verbose;

    /** On a terminal each line first ends the progress line being rewritten there. */
    RunEvents(RunListener next, PrintWriter err, boolean terminal, boolean verbose) {
        this.next = next;
        this.err = err;
        this.lineStart = terminal ? "\n" : "";
        this.verbose = verbose;
    }

    @Override
    public void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun) {
        next.onStart(totalTrials, alreadyFinished, trialEpochsToRun);
        if (verbose) {
            print("lrsweep: " + totalTrials + " trials, " + alreadyFinished + " already finished, " + trialEpochsToRun
                    + " trial-epochs to train");
        }
    }

    @Override
    public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
        next.onWaveCommitted(wave, trialsInWave, finishedSoFar);
        if (verbose) {
            print("lrsweep: wave " + wave + " committed (" + trialsInWave + " trials, " + finishedSoFar + " finished)");
        }
    }

    @Override
    public void onNote(String note) {
        next.onNote(note);
        print("note: " + note);
    }

    private void print(String line) {
        synchronized (err) {
            err.println(lineStart + line);
            err.flush();
        }
    }
}
