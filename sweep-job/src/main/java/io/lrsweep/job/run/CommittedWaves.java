package io.lrsweep.job.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed waves of an output directory, each file checked before anything counts on it:
 * every trials/ file is read in full and every curves/ file's footer is read, and a wave's curve
 * rows must be what its trials say (a trial whose {@code initial_loss} is known has
 * {@code epochs_completed + 1} curve rows, epoch 0 included; one that failed before its first
 * evaluation has {@code epochs_completed}); no trial may be in two waves. A torn file (zero length,
 * truncated, overwritten with something else) fails this and its whole wave is set aside by name:
 * {@code --resume} deletes the wave's files and reruns its trials, {@code report} leaves it out.
 * The cost is one read of trials/ and one footer read per curves file.
 */
public final class CommittedWaves {

    private static final Pattern WAVE_FILE = Pattern.compile("^part-w(\\d+)-.*\\.parquet$");

    /** A wave's files as committed. */
    public record Wave(int number, List<Path> trialFiles, List<Path> curveFiles) {
        List<Path> files() {
            List<Path> all = new ArrayList<>(trialFiles);
            all.addAll(curveFiles);
            return all;
        }
    }

    /** Why a wave does not count: the file at fault (relative to the output directory) and what is wrong. */
    public record Problem(int wave, String file, String what) {
        public String describe() {
            return file + ": " + what;
        }
    }

    /**
     * The result: the waves that hold up, their trials' ids, and the waves set aside with why.
     *
     * @param trials the rows of the good waves, in wave order (one per trial)
     */
    public record Verification(List<Wave> good, List<Wave> bad, List<Problem> problems, Set<String> finishedIds,
                               int trials) {
        public List<Path> goodTrialFiles() {
            return good.stream().flatMap(w -> w.trialFiles().stream()).toList();
        }

        public List<Path> goodCurveFiles() {
            return good.stream().flatMap(w -> w.curveFiles().stream()).toList();
        }
    }

    private CommittedWaves() {}

    /**
     * Checks every committed wave of {@code layout}, in wave order, passing each row of a good wave to
     * {@code rows}. Waves with curves but no trials (uncommitted) are not looked at here.
     */
    public static Verification verify(OutputLayout layout, Configuration conf, Consumer<TrialRow> rows) throws IOException {
        FileSystem fs = layout.fileSystem();
        Map<Integer, List<Path>> trialFiles = byWave(fs, layout.trials());
        Map<Integer, List<Path>> curveFiles = byWave(fs, layout.curves());
        List<Wave> good = new ArrayList<>();
        List<Wave> bad = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        Map<String, Integer> waveOf = new HashMap<>();
        int count = 0;
        for (Map.Entry<Integer, List<Path>> e : trialFiles.entrySet()) {
            int number = e.getKey();
            Wave wave = new Wave(number, e.getValue(), curveFiles.getOrDefault(number, List.of()));
            Problem problem = null;
            List<TrialRow> waveRows = new ArrayList<>();
            long expectedCurveRows = 0;
            for (Path f : wave.trialFiles()) {
                try {
                    for (Row r : ParquetRows.read(conf, f, Schemas.TRIALS)) {
                        TrialRow t = TrialRow.fromRow(r);
                        waveRows.add(t);
                        expectedCurveRows += t.epochsCompleted() + (t.initialLoss() == null ? 0 : 1);
                    }
                } catch (IOException | RuntimeException ex) {
                    problem = unreadable(layout, number, f, ex);
                    break;
                }
            }
            long curveRows = 0;
            for (int i = 0; problem == null && i < wave.curveFiles().size(); i++) {
                Path f = wave.curveFiles().get(i);
                try {
                    curveRows += ParquetRows.rowCount(conf, f);
                } catch (IOException | RuntimeException ex) {
                    problem = unreadable(layout, number, f, ex);
                }
            }
            if (problem == null && curveRows != expectedCurveRows) {
                problem = new Problem(number, relative(layout, wave.trialFiles().get(0)), "its " + waveRows.size()
                        + " trials have " + expectedCurveRows + " epochs of curves, but the wave's " + wave.curveFiles().size()
                        + " curves/ files hold " + curveRows + " rows (a torn or missing curves file)");
            }
            if (problem == null) {
                for (TrialRow t : waveRows) {
                    Integer earlier = waveOf.get(t.trialId());
                    if (earlier != null) {
                        problem = new Problem(number, relative(layout, wave.trialFiles().get(0)), "trial " + t.trialId()
                                + " is also in wave " + earlier + " (a trial is committed once)");
                        break;
                    }
                }
            }
            if (problem != null) {
                problems.add(problem);
                bad.add(wave);
                continue;
            }
            for (TrialRow t : waveRows) {
                waveOf.put(t.trialId(), number);
                finished.add(t.trialId());
                rows.accept(t);
            }
            count += waveRows.size();
            good.add(wave);
        }
        return new Verification(good, bad, problems, finished, count);
    }

    /** Deletes the files of waves set aside, so that their trials are run again and never doubled. */
    public static void remove(OutputLayout layout, List<Wave> waves) throws IOException {
        FileSystem fs = layout.fileSystem();
        for (Wave w : waves) {
            for (Path f : w.files()) {
                fs.delete(f, false);
            }
        }
    }

    private static Problem unreadable(OutputLayout layout, int wave, Path file, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new Problem(wave, relative(layout, file), "cannot be read (" + m + ")");
    }

    /** "trials/part-w00003-t.parquet". */
    static String relative(OutputLayout layout, Path file) {
        return file.getParent().getName() + "/" + file.getName();
    }

    private static Map<Integer, List<Path>> byWave(FileSystem fs, Path dir) throws IOException {
        Map<Integer, List<Path>> waves = new TreeMap<>();
        FileStatus[] files;
        try {
            files = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return waves;
        }
        for (FileStatus f : files) {
            Matcher m = WAVE_FILE.matcher(f.getPath().getName());
            if (m.matches()) {
                waves.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(f.getPath());
            }
        }
        for (List<Path> l : waves.values()) {
            l.sort(null);
        }
        return waves;
    }
}
