#!/usr/bin/env python3
"""Checks an exported demo model: the engine's logits (sosoik-cli logits) for a chat prompt against
the PyTorch model it was exported from. Usage: compare_logits.py WORK_DIR MODEL.gguf SOSOIK_CLI"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

from chat_format import ChatFormat
from model import DemoModel


def main():
    work, gguf, cli = sys.argv[1:4]
    fmt = ChatFormat(os.path.join(work, "spm.model"))
    tokens = fmt.prompt("당신은 친절한 도우미입니다. 명확하고 간결하게 답하세요.", "안녕하세요")
    model = DemoModel()
    model.load_state_dict(torch.load(os.path.join(work, "final.pt")))
    model.eval()
    with torch.no_grad():
        ref = model(torch.tensor([tokens]))[0].numpy()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "logits.bin")
        subprocess.run([cli, "logits", "-m", gguf, "--tokens", ",".join(map(str, tokens)), "--out", out], check=True)
        got = np.fromfile(out, dtype="<f4").reshape(len(tokens), -1)
    diff = np.abs(ref - got).max()
    same = (ref.argmax(-1) == got.argmax(-1)).mean()
    print(f"{len(tokens)} positions: max |logit difference| {diff:.4f} (F16 weights), same argmax at {same:.0%}")
    return 0 if diff < 0.05 and same == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
