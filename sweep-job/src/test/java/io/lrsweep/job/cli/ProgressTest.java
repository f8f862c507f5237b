package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress counts (trial-epochs, rate, ETA) and the line printed from them, on a clock the test sets. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void percentCountsTrialEpochsOfRunningTasksAndResumedTrials() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(10, 4, 600); // 6 trials of 100 epochs to run
        progress.taskProgress(1, 150);
        progress.taskEnded(2, 100, 1, 1, 0);
        TrialProgress.Snapshot s = progress.snapshot();
        assertEquals(250, s.epochsDone());
        assertEquals(1, s.finished());
        assertEquals(4 * 10 + (6 * 10 * 250 / 600), s.percent() * 1, "resumed trials are done; the rest by epochs");
        String line = ProgressPrinter.line(s);
        assertTrue(line.startsWith("trials 5/10 (65%) | 250/600 trial-epochs | "), line);
        assertTrue(line.endsWith("| diverged 1 | resumed 4"), line);
    }

    @Test
    void rateAndEtaComeFromRecentProgressAndSettleWithinSeconds() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(100, 0, 10_000);
        assertEquals(-1, progress.sample(0).etaSeconds(), "nothing known before any progress");
        progress.taskProgress(1, 100);
        assertEquals(-1, progress.sample(SECOND / 2).etaSeconds(), "one sample is not a rate");
        progress.taskProgress(1, 300);
        assertEquals(-1, progress.sample(3 * SECOND / 2).etaSeconds(), "a second is too short to trust");
        progress.taskProgress(1, 500);
        TrialProgress.Snapshot s = progress.sample(5 * SECOND / 2);
        assertEquals(200.0, s.epochsPerSecond(), 1e-9, "400 trial-epochs over the two seconds between samples");
        assertEquals(2.0, s.trialsPerSecond(), 1e-9, "100 epochs a trial");
        assertEquals(48, s.etaSeconds(), "9,500 trial-epochs left at 200/s");
        // Ten seconds later at a new pace, the old samples have left the window.
        long t = 5 * SECOND / 2;
        long e = 500;
        for (int i = 0; i < 24; i++) {
            t += SECOND / 2;
            e += 50;
            progress.taskProgress(1, e);
            s = progress.sample(t);
        }
        assertEquals(100.0, s.epochsPerSecond(), 1e-9);
    }

    @Test
    void aFailedTaskStopsCountingAndReRunsNeverPassTheTotal() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(3, 0, 300);
        progress.taskProgress(7, 120);
        progress.taskFailed(7);
        assertEquals(0, progress.snapshot().epochsDone(), "a failed attempt's epochs are redone");
        progress.taskEnded(8, 300, 3, 0, 0);
        progress.taskEnded(9, 300, 3, 0, 0); // a recomputed task counts again
        assertEquals(3, progress.snapshot().finished());
        assertEquals(300, progress.snapshot().epochsDone());
        assertEquals(0, progress.snapshot().etaSeconds());
        assertEquals(100, progress.snapshot().percent());
    }

    @Test
    void settleMakesTheFinalLineAHundredPercent() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(4, 0, 400);
        progress.taskProgress(1, 10);
        progress.settle(4, 1, 0);
        TrialProgress.Snapshot s = progress.snapshot();
        assertEquals(100, s.percent());
        assertTrue(ProgressPrinter.line(s).startsWith("trials 4/4 (100%) | 400/400 trial-epochs"), ProgressPrinter.line(s));
    }

    @Test
    void nothingIsPrintedBeforeTheRunStartsTheLastStateOnceAndPhasesAfterIt() {
        TrialProgress progress = new TrialProgress();
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(progress, new PrintWriter(err), false);
        printer.close();
        assertEquals("", err.toString());

        progress.onStart(2, 0, 20);
        progress.taskEnded(1, 20, 2, 0, 1);
        ProgressPrinter second = new ProgressPrinter(progress, new PrintWriter(err), false);
        second.endRun();
        second.phase("building the report");
        second.close();
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].startsWith("trials 2/2 (100%)") && lines[0].contains("| failed 1"), err::toString);
        assertEquals("building the report ...", lines[1]);
        assertTrue(lines[2].startsWith("building the report: done in "), err::toString);
        assertEquals(3, lines.length, "the progress line is not printed again after the run ended: " + err);
    }

    @Test
    void aPhaseBeforeTrainingLeavesNothingInALog() {
        TrialProgress progress = new TrialProgress();
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(progress, new PrintWriter(err), false);
        printer.phase("starting Spark");
        printer.close();
        assertEquals("", err.toString(), "start-up steps show on a terminal only, so that a log starts with what matters");
    }

    @Test
    void durations() {
        assertEquals("45s", Durations.format(45));
        assertEquals("3m07s", Durations.format(187));
        assertEquals("2h05m", Durations.format(7500));
    }
}
