#!/usr/bin/python3
"""The shape matrix in scikit-learn: MLPClassifier as a user would pick it for the same trial.

For every shape of shapes.json (written by io.lrsweep.bench.shapes.ShapeData): the same training
rows, hidden layers, relu, plain SGD (momentum 0, no Nesterov) at the shape's learning rate, no
L2 penalty (alpha 0), batch 32, reshuffled every epoch, exactly `epochs` epochs (tol 0 and
n_iter_no_change above the epoch count, so that it never stops early; checked with n_iter_),
no early stopping, float64, one thread (see peer_common). Timed: the wall time of `fit`, in a
plain loop, after one warm-up fit; the median over the trials is the figure.

Differences from our trial, by scikit-learn's design: no per-epoch validation pass (fit has
none), its own initialisation (Glorot uniform scaled for relu), and for 2 classes a single
logistic output unit instead of a 2-way softmax.

Usage: sklearn_trial.py SHAPES.json OUT.json [--trials N] [--shapes NAME,...]
"""
import argparse
import warnings

import peer_common  # first: sets one thread for the native libraries
import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


def classifier(shape, seed):
    epochs = shape["epochs"]
    return MLPClassifier(
        hidden_layer_sizes=tuple(shape["hidden"]), activation="relu", solver="sgd",
        learning_rate="constant", learning_rate_init=shape["learning_rate"], momentum=0.0,
        nesterovs_momentum=False, alpha=0.0, batch_size=shape["batch_size"], max_iter=epochs,
        shuffle=True, tol=0.0, n_iter_no_change=epochs + 1, early_stopping=False, random_state=seed)


def run_shape(shape, trials):
    xt, yt, xv, yv = peer_common.load_rows(shape)

    def trial(seed):
        model = classifier(shape, seed)
        with warnings.catch_warnings():
            # fit warns that it stopped at max_iter without converging: that is the point here.
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(xt, yt)
        # A fit that stopped early would be timed short (an attribute read: nothing to time).
        if model.n_iter_ != shape["epochs"] or len(model.loss_curve_) != shape["epochs"]:
            raise RuntimeError("fit ran %d of %d epochs" % (model.n_iter_, shape["epochs"]))
        return model

    times, model = peer_common.timed_trials(trial, trials)
    return {
        "label": shape["label"],
        "trial_s": times,
        "median_trial_s": peer_common.median(times),
        "epochs": shape["epochs"],
        "n_iter": model.n_iter_,
        "layer_widths": [model.coefs_[0].shape[0]] + [c.shape[1] for c in model.coefs_],
        "out_activation": model.out_activation_,
        "dtype": str(model.coefs_[0].dtype),
        "last_final_loss": model.loss_,
        "last_val_accuracy": float(model.score(xv, yv)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("out")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    a = ap.parse_args()
    pools = peer_common.thread_pools()
    peer_common.check_one_thread(pools)
    result = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "thread_pools": pools,
              "warm_up_trials": 1, "shapes": {}}
    for shape in peer_common.load_manifest(a.manifest, [s for s in a.shapes.split(",") if s]):
        try:
            result["shapes"][shape["name"]] = run_shape(shape, a.trials)
        except Exception as e:  # a failed shape is a result with its message; the others still run
            result["shapes"][shape["name"]] = {"label": shape["label"], "error": "%s: %s" % (type(e).__name__, e)}
    peer_common.write_json(a.out, result)


if __name__ == "__main__":
    main()
