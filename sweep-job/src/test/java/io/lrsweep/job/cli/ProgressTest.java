package io.lrsweep.job.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress counts and the line printed from them. */
class ProgressTest {

    @Test
    void lineShowsDoneOverTotalIncludingResumedTrials() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(10, 4);
        progress.addTask(1, 0, 0);
        progress.addTask(2, 1, 0);
        TrialProgress.Snapshot s = progress.snapshot();
        assertEquals(3, s.finished());
        String line = ProgressPrinter.line(s);
        assertTrue(line.startsWith("trials 7/10 (70%) | "), line);
        assertTrue(line.contains("trials/s | ETA "), line);
        assertTrue(line.endsWith("| diverged 1 | resumed 4"), line);
    }

    @Test
    void reRunTasksNeverCountPastTheTotal() {
        TrialProgress progress = new TrialProgress();
        progress.onStart(3, 0);
        progress.addTask(5, 0, 0);
        assertEquals(3, progress.snapshot().finished());
        assertEquals(0, progress.snapshot().etaSeconds());
    }

    @Test
    void nothingIsPrintedBeforeTheRunStartsAndTheLastStateOnClose() {
        TrialProgress progress = new TrialProgress();
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(progress, new PrintWriter(err), false);
        printer.close();
        assertEquals("", err.toString());

        progress.onStart(2, 0);
        progress.addTask(2, 0, 1);
        ProgressPrinter second = new ProgressPrinter(progress, new PrintWriter(err), false);
        second.close();
        assertTrue(err.toString().startsWith("trials 2/2 (100%)"), err::toString);
        assertTrue(err.toString().contains("| failed 1"), err::toString);
    }

    @Test
    void durations() {
        assertEquals("45s", Durations.format(45));
        assertEquals("3m07s", Durations.format(187));
        assertEquals("2h05m", Durations.format(7500));
    }
}
