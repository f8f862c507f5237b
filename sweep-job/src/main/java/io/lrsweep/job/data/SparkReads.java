package io.lrsweep.job.data;

import java.util.function.Supplier;

/**
 * Runs a Spark read and reports its failure as a {@link DataException} naming the file and the
 * format: Spark's own errors (analysis errors, a task's parse error wrapped in a SparkException)
 * are long and name neither the sweep field nor what was expected.
 */
final class SparkReads {

    private SparkReads() {}

    static <T> T attempt(Supplier<T> read, String path, String format) {
        try {
            return read.get();
        } catch (DataException e) {
            throw e;
        } catch (Exception e) {
            throw new DataException("dataset file " + path + " cannot be read as " + format + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's first line: the actual parse error rather than Spark's task wrapper. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
