#!/usr/bin/env python3
"""Trains the demo model on CPU for a fixed wall-clock budget (the learning rate follows a cosine
over the budget, so the run ends annealed however busy the machine is). Resumable: checkpoints to
WORK_DIR/ckpt.pt every 20 steps.

Usage: nice -n 10 train.py WORK_DIR [--minutes M]
Reads WORK_DIR/{train,train_en,heldout}.tsv and spm.model (made by prepare_data.py).
"""
import argparse
import math
import os
import random
import time

import torch
import torch.nn.functional as F

from chat_format import ChatFormat
from model import CONFIG, DemoModel
from prepare_data import SYSTEM_PROMPTS

ENGLISH_REPEAT = 6  # 445 English lines against 11,232 Korean pairs
BATCH = 16
LR, WARMUP = 4e-3, 20


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f]


def sample_conversation(rng, pairs, fmt):
    """One to three turns, with the app's default system prompt half of the time."""
    system = rng.choice(SYSTEM_PROMPTS) if rng.random() < 0.2 else ""
    turns = [rng.choice(pairs) for _ in range(rng.choice((1, 1, 1, 1, 2)))]
    tokens, learn = fmt.conversation(system, turns)
    return tokens[: CONFIG["ctx"]], learn[: CONFIG["ctx"]]


def batch_tensors(examples):
    t = max(len(x) for x, _ in examples)
    tokens = torch.zeros(len(examples), t, dtype=torch.long)
    targets = torch.full((len(examples), t), -100, dtype=torch.long)
    for i, (x, learn) in enumerate(examples):
        tokens[i, : len(x)] = torch.tensor(x)
        for j in range(1, len(x)):
            if learn[j]:
                targets[i, j - 1] = x[j]
    return tokens, targets


def heldout_loss(model, fmt, pairs):
    """Mean cross-entropy (nats/token) of the answers, single turn, no system prompt."""
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(pairs), 64):
            tokens, targets = batch_tensors([fmt.conversation("", [p]) for p in pairs[i : i + 64]])
            logits = model(tokens)
            loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100, reduction="sum")
            total += loss.item()
            count += (targets != -100).sum().item()
    model.train()
    return total / count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--minutes", type=float, default=45)
    # One thread: on a loaded machine two OpenMP threads spent most of a step waiting for each
    # other (23 s per step at 15% CPU with two, against a few seconds with one).
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(12)
    fmt = ChatFormat(os.path.join(args.work, "spm.model"))
    korean = read_tsv(os.path.join(args.work, "train.tsv"))
    pairs = korean + read_tsv(os.path.join(args.work, "train_en.tsv")) * ENGLISH_REPEAT
    held = read_tsv(os.path.join(args.work, "heldout.tsv"))

    model = DemoModel()
    opt = torch.optim.AdamW(model.parameters(), lr=LR, betas=(0.9, 0.95), weight_decay=0.05)
    ckpt = os.path.join(args.work, "ckpt.pt")
    step, elapsed = 0, 0.0
    if os.path.exists(ckpt):
        state = torch.load(ckpt)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, elapsed = state["step"], state["elapsed"]
        print(f"resumed at step {step}", flush=True)
    rng = random.Random(1000 + step)
    budget = args.minutes * 60
    print(f"parameters {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M, budget {args.minutes} min", flush=True)
    start, seen = time.time() - elapsed, 0
    while elapsed < budget:
        progress = elapsed / budget
        lr = LR * min(1.0, (step + 1) / WARMUP) * 0.5 * (1 + math.cos(math.pi * progress))
        for g in opt.param_groups:
            g["lr"] = max(lr, LR * 0.02)
        tokens, targets = batch_tensors([sample_conversation(rng, pairs, fmt) for _ in range(BATCH)])
        logits = model(tokens)
        loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        seen += tokens.numel()
        elapsed = time.time() - start
        if step % 10 == 0:
            print(f"step {step} loss {loss.item():.3f} lr {lr:.2e} {elapsed / 60:.1f} min", flush=True)
        if step % 20 == 0 or elapsed >= budget:
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "elapsed": elapsed},
                       ckpt + ".tmp")
            os.replace(ckpt + ".tmp", ckpt)
    print(f"steps {step}, {seen} tokens this run, held-out loss {heldout_loss(model, fmt, held):.3f}", flush=True)
    torch.save(model.state_dict(), os.path.join(args.work, "final.pt"))


if __name__ == "__main__":
    main()
