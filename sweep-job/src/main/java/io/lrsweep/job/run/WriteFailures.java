package io.lrsweep.job.run;

/**
 * Messages for a failed write that name the culprit and the cure: a full disk says so (the
 * operating system's "No space left on device" is often wrapped several exceptions deep, or in a
 * Spark task failure), a quota says so, anything else keeps its own first line.
 */
public final class WriteFailures {

    private WriteFailures() {}

    /** "writing DIR failed: the disk is full (No space left on device); free space ..." or the cause's first line. */
    public static String describe(String what, Throwable e) {
        String full = find(e, "No space left on device");
        if (full != null) {
            return what + " failed: the disk is full (No space left on device); free some space there or choose another "
                    + "--out";
        }
        String quota = find(e, "Disk quota exceeded");
        if (quota == null) {
            quota = find(e, "DSQuotaExceededException");
        }
        if (quota != null) {
            return what + " failed: the disk quota is exhausted (" + quota + "); free some space or raise the quota";
        }
        return what + " failed: " + firstLine(innermost(e));
    }

    /** The first message in the cause chain that contains {@code text}, or null. */
    static String find(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if ((m != null && m.contains(text)) || t.getClass().getName().contains(text)) {
                return m == null ? t.getClass().getSimpleName() : firstLine(t);
            }
        }
        return null;
    }

    static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
