package io.lrsweep.job.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code lrsweep dataset}: makes data files; its only kind so far is {@code blobs}. */
@Command(name = "dataset", mixinStandardHelpOptions = true, subcommands = BlobsCommand.class,
        description = "Write a dataset file.")
final class DatasetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name the kind of dataset to write: blobs");
    }
}
