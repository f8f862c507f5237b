package io.lrsweep.job.run;

import io.lrsweep.core.data.Blobs;
import io.lrsweep.core.data.BlobsSpec;
import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.sweep.SweepParser;
import io.lrsweep.core.sweep.SweepSpec;
import io.lrsweep.job.SharedSpark;
import io.lrsweep.job.analysis.Verdict;
import io.lrsweep.job.data.DataLoader;
import io.lrsweep.job.report.ReportBuilder;
import io.lrsweep.job.table.SweepDirectory;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results tied to the data and the grid as they stand, and torn files set aside: changed data or
 * changed settings never reuse a trial, the best setting counts only the current grid, and a torn
 * file's wave is rerun with its old rows gone (never doubled). Real Spark, Parquet read with DuckDB.
 */
class TrustTest {

    private static final String SWEEP = """
            { "name": "trust", "dataset": %s,
              "training": { "epochs": %d, "batch_size": 32 },
              "grid": { "learning_rate": %s }, "seeds": 2 }""";
    private static final String BLOBS = "{ \"kind\": \"blobs\", \"samples\": 200 }";
    private static final String BLOBS_1000 = "{ \"kind\": \"blobs\" }";

    @TempDir
    Path tmp;

    static SweepSpec sweep(String dataset, int epochs, String lrs) {
        return SweepParser.parse(String.format(SWEEP, dataset, epochs, lrs));
    }

    /** The best setting as the report states it, over the trials the run hands to the analysis. */
    static String best(RunSummary s) {
        Configuration conf = SharedSpark.session().sparkContext().hadoopConfiguration();
        Verdict v = ReportBuilder.build(new SweepDirectory(conf, s.out()), a -> a, s.analysis(), PhaseListener.NONE).verdict();
        return v.best();
    }

    /** The best setting's learning rate ("sgd, lr 0.03: val_loss ..."). */
    static double bestLr(RunSummary s) {
        String best = best(s);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^sgd, lr ([^:,]+):").matcher(best);
        assertTrue(m.find(), best);
        return Double.parseDouble(m.group(1));
    }

    static RunSummary run(SweepSpec spec, Path out, boolean resume, int wave) {
        SparkSession spark = SharedSpark.session();
        return SweepRunner.run(spark, spec, DataLoader.load(spark, spec.dataset()), new RunOptions(out.toString(), resume,
                false, wave), RunListener.NONE);
    }

    @Test
    void aChangedCsvAtTheSamePathRerunsEveryTrialAndSetsTheOldOnesAside() throws Exception {
        Path csv = tmp.resolve("data.csv");
        Dataset blobs = Blobs.generate(new BlobsSpec(200, 3, 2, 2.0, 2, true, 0.5, false));
        Blobs.toCsv(blobs, csv);
        String dataset = "{ \"kind\": \"csv\", \"path\": \"" + csv + "\", \"label\": \"label\" }";
        SweepSpec spec = sweep(dataset, 6, "[0.1, 0.01]");
        Path out = tmp.resolve("out");
        RunSummary first = run(spec, out, false, 512);
        assertEquals(4, first.ran());

        // Written again, same bytes: the content is the same, every trial is found.
        String text = Files.readString(csv);
        Files.writeString(csv, text);
        assertEquals(4, run(spec, out, true, 512).resumed());

        // One value changed at the same path: other data, so other trials.
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(1).split(",");
        cells[0] = Double.toString(Double.parseDouble(cells[0]) + 0.5);
        lines.set(1, String.join(",", cells));
        Files.write(csv, lines);
        RunSummary second = run(spec, out, true, 512);
        assertEquals(0, second.resumed(), "no trial of the old data is reused");
        assertEquals(4, second.ran());
        assertEquals(4, second.setAside(), "the old data's trials are set aside");
        String best = best(second);
        assertTrue(best.contains(" over 2 seeds"), "the best counts the current grid's trials only: " + best);
        assertEquals(4, second.analysis().present());
        try (Duck duck = new Duck()) {
            assertEquals(8, duck.count("SELECT count(DISTINCT trial_id) FROM " + Duck.parquet(out.resolve("trials"))));
        }
        DataManifest manifest = DataManifest.parse(Files.readString(out.resolve("data.json")));
        assertEquals(PreparedData.of(DataLoader.load(SharedSpark.session(), spec.dataset()), spec.dataset()).contentSha256(),
                manifest.contentSha256(), "data.json records the content the ids were made with");
    }

    @Test
    void changedEpochsOrARemovedLearningRateNeverEnterTheBestSetting() {
        Path out = tmp.resolve("out");
        String lrs = "[0.1, 0.03, 0.01]";
        RunSummary first = run(sweep(BLOBS_1000, 8, lrs), out, false, 512);
        assertEquals(6, first.ran());
        double bestLr = bestLr(first);

        RunSummary shorter = run(sweep(BLOBS_1000, 5, lrs), out, true, 512);
        assertEquals(0, shorter.resumed(), "5 epochs are other trials than 8");
        assertEquals(6, shorter.setAside());
        assertTrue(best(shorter).contains(" over 2 seeds"), "never an average of 8- and 5-epoch trials: " + best(shorter));

        List<String> others = new ArrayList<>(List.of("0.1", "0.03", "0.01"));
        others.remove(Double.toString(bestLr));
        assertEquals(2, others.size(), "the best is one of the grid's: " + bestLr);
        RunSummary without = run(sweep(BLOBS_1000, 8, "[" + String.join(", ", others) + "]"), out, true, 512);
        assertEquals(4, without.resumed(), "the remaining points of the 8-epoch grid are found");
        assertNotEquals(bestLr, bestLr(without), "a learning rate out of the grid is never the best");
        assertTrue(best(without).contains(" over 2 seeds"), best(without));
    }

    @Test
    void zeroLengthAndTruncatedFilesAreNamedAndTheirWavesRerunNeverDoubled() throws Exception {
        SweepSpec spec = sweep(BLOBS, 6, "[1.0, 0.1, 0.01, 0.001]");
        Path out = tmp.resolve("out");
        assertEquals(8, run(spec, out, false, 2).ran());
        Path trialsOfWave2 = only(out.resolve("trials"), "part-w00002-");
        Path curvesOfWave3 = only(out.resolve("curves"), "part-w00003-");
        Files.write(trialsOfWave2, new byte[0]);
        byte[] curve = Files.readAllBytes(curvesOfWave3);
        Files.write(curvesOfWave3, java.util.Arrays.copyOf(curve, curve.length / 2));

        OutputLayout layout = new OutputLayout(out.toString(), SharedSpark.session().sparkContext().hadoopConfiguration());
        AnalysisInput seen = AnalysisInput.read(layout, SharedSpark.session().sparkContext().hadoopConfiguration());
        assertEquals(2, seen.problems().size(), seen.problems().toString());
        assertEquals("trials/" + trialsOfWave2.getFileName(), seen.problems().get(0).file());
        assertEquals("curves/" + curvesOfWave3.getFileName(), seen.problems().get(1).file());
        assertEquals(4, seen.present());
        assertEquals(4, seen.missing());
        assertTrue(String.join("\n", seen.notes()).contains("4 of the grid's 8 trials are missing"), seen.notes().toString());
        assertTrue(Files.exists(trialsOfWave2), "report deletes nothing");

        RunSummary resumed = run(spec, out, true, 2);
        assertEquals(4, resumed.resumed());
        assertEquals(4, resumed.ran());
        try (Duck duck = new Duck()) {
            String trials = Duck.parquet(out.resolve("trials"));
            String curves = Duck.parquet(out.resolve("curves"));
            assertEquals(8, duck.count("SELECT count(*) FROM " + trials));
            assertEquals(8, duck.count("SELECT count(DISTINCT trial_id) FROM " + trials));
            long rows = duck.count("SELECT count(*) FROM " + curves);
            assertEquals(rows, duck.count("SELECT count(*) FROM (SELECT DISTINCT trial_id, epoch FROM " + curves + ")"));
            assertEquals(duck.count("SELECT sum(epochs_completed + 1) FROM " + trials), rows, "epochs 0 to the last, once");
        }
        assertTrue(AnalysisInput.read(layout, SharedSpark.session().sparkContext().hadoopConfiguration()).problems().isEmpty());
    }

    /**
     * A failure after waves were committed: a RunFailedException (exit 1) that counts what is kept,
     * and a directory --resume finishes. The failure: wave 3's executors cannot write its staging
     * directory (a file is in the way, placed when wave 1 is committed, before wave 3 is submitted).
     */
    @Test
    void aFailureAfterCommittedWavesKeepsThemAndResumeFinishes() throws Exception {
        SweepSpec spec = sweep(BLOBS, 4, "[1.0, 0.1, 0.01, 0.001]");
        Path out = tmp.resolve("out");
        RunListener blockWave3 = new RunListener() {
            @Override
            public void onStart(int totalTrials, int alreadyFinished, long trialEpochsToRun) {}

            @Override
            public void onWaveCommitted(int wave, int trialsInWave, int finishedSoFar) {
                if (wave == 1) {
                    try {
                        Files.writeString(Files.createDirectories(out.resolve("_staging")).resolve("wave-3"), "in the way");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        SparkSession spark = SharedSpark.session();
        RunFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(RunFailedException.class, () ->
                SweepRunner.run(spark, spec, DataLoader.load(spark, spec.dataset()), new RunOptions(out.toString(), false,
                        false, 2), blockWave3));
        assertEquals(4, failed.committed(), "waves 1 and 2 are committed: " + failed.getMessage());
        assertTrue(failed.getMessage().startsWith("training a wave failed: "), failed.getMessage());
        try (Duck duck = new Duck()) {
            assertEquals(4, duck.count("SELECT count(*) FROM " + Duck.parquet(out.resolve("trials"))));
        }
        RunSummary resumed = run(spec, out, true, 2);
        assertEquals(4, resumed.resumed());
        assertEquals(4, resumed.ran());
        try (Duck duck = new Duck()) {
            assertEquals(8, duck.count("SELECT count(DISTINCT trial_id) FROM " + Duck.parquet(out.resolve("trials"))));
            assertEquals(8, duck.count("SELECT count(*) FROM " + Duck.parquet(out.resolve("trials"))));
        }
    }

    @Test
    void leftoversOfInterruptedStepsDoNotBlockTheDirectoryAndAreCleaned() throws Exception {
        SweepSpec spec = sweep(BLOBS, 3, "[0.1]");
        List<String> leftovers = List.of("_write_probe", "._write_probe.crc", ".sweep.json.tmp", "..sweep.json.tmp.crc",
                ".data.json.tmp", ".lrsweep.lock.stale-0f3c", ".sweep.json.crc");
        // A run killed before it wrote sweep.json: a fresh run starts there as in an empty directory.
        Path early = Files.createDirectories(tmp.resolve("early"));
        for (String name : leftovers) {
            Files.writeString(early.resolve(name), "x");
        }
        Files.writeString(early.resolve(OutputLock.FILE), OutputLockTest.deadHolder(LockHolder.thisHost(), 1).toText());
        Files.createDirectories(early.resolve("_staging/wave-7/curves"));
        assertEquals(2, run(spec, early, false, 512).ran());
        for (String name : leftovers) {
            if (!name.equals(".sweep.json.crc")) { // sweep.json's own checksum now
                assertFalse(Files.exists(early.resolve(name)), name + " is cleaned");
            }
        }
        assertFalse(Files.exists(early.resolve("_staging")));
        assertFalse(Files.exists(early.resolve(OutputLock.FILE)));

        // The same leftovers beside a finished run: --resume and --overwrite clean them and carry on.
        for (boolean resume : new boolean[] {true, false}) {
            for (String name : leftovers) {
                if (!name.equals(".sweep.json.crc")) {
                    Files.writeString(early.resolve(name), "x");
                }
            }
            Files.writeString(early.resolve("notes.txt"), "mine");
            RunSummary again = SweepRunner.run(SharedSpark.session(), spec, DataLoader.load(SharedSpark.session(),
                    spec.dataset()), new RunOptions(early.toString(), resume, !resume, 512), RunListener.NONE);
            assertEquals(resume ? 2 : 0, again.resumed());
            for (String name : leftovers) {
                assertFalse(Files.exists(early.resolve(name)) && !name.equals(".sweep.json.crc"), name);
            }
            assertEquals("mine", Files.readString(early.resolve("notes.txt")), "never touches a file lrsweep did not write");
        }
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }
}
