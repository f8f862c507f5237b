"""What the Python peers share: one thread for every math library, the shape matrix as
io.lrsweep.bench.shapes.ShapeData wrote it, and its rows.

Import this module before numpy, torch or scikit-learn: the thread counts of OpenMP, OpenBLAS and
MKL are read from the environment when those libraries load, so they are set here, at import.
"""
import json
import os
import statistics
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np  # noqa: E402  (after the thread settings, on purpose)


def thread_pools():
    """The native thread pools numpy and friends loaded, as threadpoolctl sees them (or None
    without threadpoolctl); every one must run 1 thread."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [{k: p.get(k) for k in ("user_api", "internal_api", "num_threads", "version", "filepath")}
            for p in threadpool_info()]


def check_one_thread(pools):
    if pools is None:
        return
    many = [p for p in pools if p["num_threads"] != 1]
    if many:
        raise SystemExit("thread pools with more than one thread: %s" % many)


def load_manifest(path, only=None):
    """The shapes of shapes.json (in its order), each with its CSV path resolved; only those named
    in `only` (a list of names) if given."""
    with open(path) as f:
        shapes = json.load(f)["shapes"]
    base = os.path.dirname(os.path.abspath(path))
    for s in shapes:
        s["csv"] = os.path.join(base, s["csv"])
    if only:
        unknown = set(only) - {s["name"] for s in shapes}
        if unknown:
            raise SystemExit("unknown shapes %s; shapes.json has %s" % (sorted(unknown), [s["name"] for s in shapes]))
        shapes = [s for s in shapes if s["name"] in only]
    return shapes


def load_rows(shape):
    """(x_train, y_train, x_validation, y_validation) as float64 / int64 numpy arrays: the
    first train_rows rows of the CSV train, the rest validate (the engine's split)."""
    data = np.loadtxt(shape["csv"], delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    x = np.ascontiguousarray(data[:, :-1])
    y = data[:, -1].astype(np.int64)
    if x.shape[1] != shape["features"] or x.shape[0] != shape["train_rows"] + shape["validation_rows"]:
        raise SystemExit("%s: %s has %d rows x %d features, shapes.json says %d + %d rows x %d"
                         % (shape["name"], shape["csv"], x.shape[0], x.shape[1], shape["train_rows"],
                            shape["validation_rows"], shape["features"]))
    n = shape["train_rows"]
    return x[:n], y[:n], x[n:], y[n:]


def timed_trials(run_trial, trials):
    """Runs run_trial(seed) once as a warm-up (seed 1000, not timed), then with seeds 0..trials-1,
    timing each call with perf_counter. Returns (seconds per trial, the last call's result)."""
    run_trial(1000)
    times = []
    last = None
    for seed in range(trials):
        t0 = time.perf_counter()
        last = run_trial(seed)
        times.append(time.perf_counter() - t0)
    return times, last


def write_json(path, result):
    with open(path, "w") as f:
        json.dump(result, f, indent=2)


def median(values):
    return statistics.median(values)
