#!/usr/bin/python3
"""The shape matrix in PyTorch on one CPU thread, with lrsweep's (Keras 2.2.4's) semantics.

For every shape of shapes.json (written by io.lrsweep.bench.shapes.ShapeData): the same rows
(the first train_rows train, the rest validate), Dense(h, relu, he_uniform) per hidden layer ->
Dense(classes, softmax, glorot_uniform), biases 0; loss -log(clip(softmax, 1e-7, 1 - 1e-7)[label]),
whose clip passes no gradient outside its range (torch.clamp, like TensorFlow's clip_by_value);
plain SGD at the shape's learning rate; its epochs of batch 32 reshuffled every epoch; per epoch
the batch-weighted training loss and accuracy and a full validation pass. One warm-up trial, then
the wall time of each trial; the median is the figure. Prints nothing; writes one JSON object.

Usage: torch_trial.py SHAPES.json OUT.json [--trials N] [--dtype float64|float32] [--shapes NAME,...]
"""
import argparse

import peer_common  # first: sets one thread for the native libraries
import torch


def clipped_cross_entropy(logits, y):
    p = torch.softmax(logits, dim=1).clamp(1e-7, 1.0 - 1e-7)
    return -torch.log(p.gather(1, y.unsqueeze(1))).squeeze(1)


def model_for(widths, dtype):
    layers = []
    for i in range(len(widths) - 1):
        linear = torch.nn.Linear(widths[i], widths[i + 1])
        if i + 2 < len(widths):
            torch.nn.init.kaiming_uniform_(linear.weight, nonlinearity="relu")  # U(+-sqrt(6 / fan_in)): he_uniform
            layers += [linear, torch.nn.ReLU()]
        else:
            torch.nn.init.xavier_uniform_(linear.weight)                         # glorot_uniform
            layers.append(linear)
        torch.nn.init.zeros_(linear.bias)
    return torch.nn.Sequential(*layers).to(dtype)


def trial(xt, yt, xv, yv, widths, dtype, lr, seed, epochs, batch):
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    model = model_for(widths, dtype)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    n = xt.shape[0]
    history = []
    for _ in range(epochs):
        order = torch.randperm(n, generator=gen)
        loss_sum = 0.0
        correct = 0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            logits = model(xt[idx])
            losses = clipped_cross_entropy(logits, yt[idx])
            loss = losses.mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += losses.sum().item()
            correct += (logits.argmax(1) == yt[idx]).sum().item()
        with torch.no_grad():
            vl = model(xv)
            val_loss = clipped_cross_entropy(vl, yv).mean().item()
            val_acc = (vl.argmax(1) == yv).double().mean().item()
        history.append((loss_sum / n, correct / n, val_loss, val_acc))
    return history


def run_shape(shape, dtype, trials):
    xt, yt, xv, yv = peer_common.load_rows(shape)
    xt, xv = torch.from_numpy(xt).to(dtype), torch.from_numpy(xv).to(dtype)
    yt, yv = torch.from_numpy(yt), torch.from_numpy(yv)
    widths = [shape["features"]] + shape["hidden"] + [shape["classes"]]

    def one(seed):
        return trial(xt, yt, xv, yv, widths, dtype, shape["learning_rate"], seed, shape["epochs"], shape["batch_size"])

    times, history = peer_common.timed_trials(one, trials)
    final = history[-1]
    return {
        "label": shape["label"],
        "trial_s": times,
        "median_trial_s": peer_common.median(times),
        "epochs": len(history),
        "last_final_epoch": {"loss": final[0], "accuracy": final[1], "val_loss": final[2], "val_accuracy": final[3]},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("out")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--dtype", default="float64", choices=["float64", "float32"])
    ap.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    pools = peer_common.thread_pools()
    peer_common.check_one_thread(pools)
    dtype = torch.float64 if a.dtype == "float64" else torch.float32
    result = {"torch_version": torch.__version__, "threads": torch.get_num_threads(), "dtype": a.dtype,
              "thread_pools": pools, "warm_up_trials": 1, "shapes": {}}
    for shape in peer_common.load_manifest(a.manifest, [s for s in a.shapes.split(",") if s]):
        try:
            result["shapes"][shape["name"]] = run_shape(shape, dtype, a.trials)
        except Exception as e:  # a failed shape is a result with its message; the others still run
            result["shapes"][shape["name"]] = {"label": shape["label"], "error": "%s: %s" % (type(e).__name__, e)}
    peer_common.write_json(a.out, result)


if __name__ == "__main__":
    main()
