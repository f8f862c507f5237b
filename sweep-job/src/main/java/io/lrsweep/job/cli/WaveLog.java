package io.lrsweep.job.cli;

import io.lrsweep.job.run.RunListener;

import java.io.PrintWriter;

/** {@code --verbose}: a line per committed wave, passed on to the progress counts. */
final class WaveLog implements RunListener {

    private final RunListener next;
    private final PrintWriter err;
    private final String lineStart;

    /** On a terminal each line first ends the progress line being rewritten there. */
    WaveLog(RunListener next, PrintWriter err, boolean terminal) {
        this.next = next;
        this.err = err;
        this.lineStart = terminal ? "\n" : "";
    }

    @Override
    public void onStart(int totalTrials, int alreadyFinished) {
        next.onStart(totalTrials, alreadyFinished);
        err.println(lineStart + "lrsweep: " + totalTrials + " trials, " + alreadyFinished + " already finished");
        err.flush();
    }

    @Override
    public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
        next.onWaveCommitted(wave, trialsInWave, finishedSoFar);
        err.println(lineStart + "lrsweep: wave " + wave + " committed (" + trialsInWave + " trials, " + finishedSoFar + " finished)");
        err.flush();
    }
}
