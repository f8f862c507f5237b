package io.lrsweep.bench;

import io.lrsweep.core.data.Dataset;
import io.lrsweep.core.train.EpochListener;
import io.lrsweep.core.train.TrialResult;
import io.lrsweep.core.train.TrialSettings;

import java.util.List;

/**
 * The training engine's public entry point, the one call the shape benchmarks time. A list of one
 * is a lone trial, a list of several a group trained together (same model, batch size, shuffle and
 * seed). When the engine moves to another class with the same signature, repoint this method and
 * nothing else.
 */
public final class Engine {
    private Engine() {}

    public static List<TrialResult> train(List<TrialSettings> trials, Dataset train, Dataset validation, long seed) {
        return io.lrsweep.core.train.Engine.train(trials, train, validation, seed, EpochListener.NONE);
    }
}
