#!/usr/bin/python3
"""The reference trial in PyTorch on one CPU thread, with lrsweep's (Keras 2.2.4's) semantics.

Blobs from the CSV (first 500 rows train, the rest validation), Dense(50, relu, he_uniform) ->
Dense(3, softmax, glorot_uniform), biases 0; loss -log(clip(softmax, 1e-7, 1 - 1e-7)[label]),
whose clip passes no gradient outside its range (torch.clamp, like TensorFlow's clip_by_value);
plain SGD; 200 epochs of batch 32 reshuffled every epoch; per epoch the batch-weighted training
loss and accuracy and a full validation pass. Prints one JSON object: wall time per trial.

Usage: torch_trial.py CSV OUT.json [--trials N] [--dtype float64|float32] [--lr LR]
"""
import argparse
import json
import statistics
import time

import torch


def load(path, dtype):
    rows = []
    with open(path) as f:
        next(f)
        for line in f:
            x0, x1, label = line.strip().split(",")
            rows.append((float(x0), float(x1), int(label)))
    x = torch.tensor([[r[0], r[1]] for r in rows], dtype=dtype)
    y = torch.tensor([r[2] for r in rows], dtype=torch.long)
    return x[:500], y[:500], x[500:], y[500:]


def clipped_cross_entropy(logits, y):
    p = torch.softmax(logits, dim=1).clamp(1e-7, 1.0 - 1e-7)
    return -torch.log(p.gather(1, y.unsqueeze(1))).squeeze(1)


def trial(xt, yt, xv, yv, dtype, lr, seed, epochs=200, batch=32):
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(2, 50), torch.nn.ReLU(), torch.nn.Linear(50, 3)).to(dtype)
    torch.nn.init.kaiming_uniform_(model[0].weight, nonlinearity="relu")  # U(+-sqrt(6 / fan_in)): he_uniform
    torch.nn.init.xavier_uniform_(model[2].weight)                         # glorot_uniform
    torch.nn.init.zeros_(model[0].bias)
    torch.nn.init.zeros_(model[2].bias)
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("out")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--dtype", default="float64", choices=["float64", "float32"])
    ap.add_argument("--lr", type=float, default=0.01)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    dtype = torch.float64 if a.dtype == "float64" else torch.float32
    xt, yt, xv, yv = load(a.csv, dtype)
    trial(xt, yt, xv, yv, dtype, a.lr, seed=100)  # warm-up, not timed
    times = []
    final = None
    for s in range(a.trials):
        t0 = time.perf_counter()
        h = trial(xt, yt, xv, yv, dtype, a.lr, seed=s)
        times.append(time.perf_counter() - t0)
        final = h[-1]
    result = {
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "dtype": a.dtype,
        "trial_s": times,
        "median_trial_s": statistics.median(times),
        "last_final_epoch": {"loss": final[0], "accuracy": final[1], "val_loss": final[2], "val_accuracy": final[3]},
    }
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
