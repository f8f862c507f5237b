package io.lrsweep.job.cli;

import io.lrsweep.core.sweep.SweepSpecException;
import io.lrsweep.job.data.DataException;
import io.lrsweep.job.run.OutputException;
import io.lrsweep.job.run.RunFailedException;
import io.lrsweep.job.run.WriteFailures;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns every failure into one {@code error: ...} line on stderr and an exit status: 2 for bad
 * input (usage, sweep file, data, output location; nothing was written), 1 for anything else,
 * with what was kept and how to resume when a run had committed trials. A failure that follows a
 * SIGINT/SIGTERM is the shutdown's doing and is not reported (the signal's own line was printed).
 * Stack traces are printed only for a command whose {@code --verbose} is on.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the usage.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (Interruption.requested()) {
            return ExitCodes.FAILURE;
        }
        PrintWriter err = cmd.getErr();
        boolean verbose = cmd.getCommand() instanceof Verbosity v && v.verbose();
        int code;
        if (e instanceof SweepSpecException s) {
            err.println("error: " + sweepMessage(s));
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof DataException || e instanceof OutputException || e instanceof BadInputException) {
            err.println("error: " + e.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof RunFailedException r) {
            err.println("error: " + r.getMessage());
            err.println("kept: " + r.committed() + " trial" + (r.committed() == 1 ? "" : "s") + " committed"
                    + (cmd.getCommand() instanceof Resumable resumable ? "; resume with: " + resumable.resumeCommand() : ""));
            code = ExitCodes.FAILURE;
        } else if (e instanceof UncheckedIOException io) {
            String m = io.getCause().getMessage();
            err.println("error: " + (m != null && m.contains(" failed: ") ? m : WriteFailures.describe("writing", io.getCause())));
            code = ExitCodes.FAILURE;
        } else {
            err.println("error: " + oneLine(e) + (verbose || !(cmd.getCommand() instanceof Verbosity)
                    ? "" : " (--verbose shows the stack trace)"));
            code = ExitCodes.FAILURE;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** {@code <field>: <message>}, the field named once although core's messages start with it. */
    static String sweepMessage(SweepSpecException e) {
        String field = e.field();
        String message = e.getMessage() == null ? "is invalid" : e.getMessage();
        if (field.isEmpty()) {
            return message;
        }
        if (message.startsWith(field)) {
            String rest = message.substring(field.length()).strip();
            message = rest.startsWith(":") ? rest.substring(1).strip() : rest;
        }
        return field + ": " + message;
    }

    /** The exception's own message, or its type when it has none, on one line. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
