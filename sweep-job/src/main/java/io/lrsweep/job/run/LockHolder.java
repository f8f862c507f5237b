package io.lrsweep.job.run;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

/**
 * What a lock file says about its holder: the process (pid, host, the process's start time, which
 * tells a live process from a later one that reused the pid), when it took the lock, what it is
 * doing, and a random token that tells two holders apart.
 */
public record LockHolder(long pid, String host, long processStartMillis, long acquiredMillis, String command,
                         String token) {

    /** This process, taking a lock now. */
    static LockHolder self(String command) {
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        return new LockHolder(me.pid(), thisHost(), started, System.currentTimeMillis(), command,
                UUID.randomUUID().toString());
    }

    /** This machine's host name, as lock files record it. */
    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // Java names the host in the message of the lookup failure: "myhost: Name or service not known".
            String m = String.valueOf(e.getMessage());
            int colon = m.indexOf(':');
            return colon > 0 ? m.substring(0, colon) : "unknown-host";
        }
    }

    /** Whether the holder's process is gone: it ran on this host and its pid is free or now another process's. */
    boolean deadOnThisHost() {
        if (!host.equals(thisHost())) {
            return false;
        }
        return ProcessHandle.of(pid).map(p -> {
            long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
            // A pid reused by a later process: its start time differs (allow clock rounding).
            return processStartMillis > 0 && started > 0 && Math.abs(started - processStartMillis) > 1000;
        }).orElse(true);
    }

    String toText() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("host", host);
        p.setProperty("process_start_millis", Long.toString(processStartMillis));
        p.setProperty("acquired_millis", Long.toString(acquiredMillis));
        p.setProperty("command", command);
        p.setProperty("token", token);
        StringWriter w = new StringWriter();
        try {
            p.store(w, "lrsweep output lock: one writer per output directory (README, \"One writer at a time\")");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    /** The holder a lock file names, or null when the text is empty or not a lock file's. */
    static LockHolder parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new LockHolder(Long.parseLong(p.getProperty("pid")), p.getProperty("host", "unknown-host"),
                    Long.parseLong(p.getProperty("process_start_millis", "-1")),
                    Long.parseLong(p.getProperty("acquired_millis", "-1")), p.getProperty("command", "?"),
                    p.getProperty("token", ""));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** "lrsweep run conf/x.json (pid 1234 on host h, since 2026-01-02 10:11:12)". */
    String describe() {
        String since = acquiredMillis > 0 ? ", since " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(acquiredMillis)) : "";
        return "lrsweep " + command + " (pid " + pid + " on host " + host + since + ")";
    }
}
