#!/usr/bin/env python3
"""Splits the Korean chatbot pairs (5% held out, fixed seed), adds the English small talk and
trains the SentencePiece vocabulary with spm_train.

Usage: prepare_data.py CHATBOT_CSV WORK_DIR
Writes WORK_DIR/{train,heldout}.tsv (question<TAB>answer) and WORK_DIR/spm.model.
"""
import csv
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 12
VOCAB_SIZE = 4096
# The app's default system prompts (English and Korean UI); the model sees them during training
# so that a chat sent by the app looks like what it learned.
SYSTEM_PROMPTS = [
    "You are a helpful assistant. Answer clearly and briefly.",
    "당신은 친절한 도우미입니다. 명확하고 간결하게 답하세요.",
]


def read_korean(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [(r["Q"].strip(), r["A"].strip()) for r in csv.DictReader(f)]
    return [(q, a) for q, a in rows if q and a]


def read_english(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            q, a = line.split("\t")
            pairs.append((q, a))
    return pairs


def english_variants(q):
    """The written questions are lower case; users type capitals and punctuation too."""
    cap = q[0].upper() + q[1:]
    out = {q, cap}
    if not q.endswith("?"):
        out.add(cap + "!" if len(q) < 12 else cap + ".")
    return sorted(out)


def write_tsv(path, pairs):
    with open(path, "w", encoding="utf-8") as f:
        for q, a in pairs:
            f.write(f"{q}\t{a}\n")


def main():
    csv_path, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    korean = read_korean(csv_path)
    rng = random.Random(SEED)
    order = list(range(len(korean)))
    rng.shuffle(order)
    n_held = round(len(korean) * 0.05)
    held = [korean[i] for i in sorted(order[:n_held])]
    train = [korean[i] for i in sorted(order[n_held:])]
    english = []
    for q, a in read_english(os.path.join(HERE, "smalltalk_en.tsv")):
        english += [(v, a) for v in english_variants(q)]
    write_tsv(os.path.join(work, "train.tsv"), train)
    write_tsv(os.path.join(work, "train_en.tsv"), english)
    write_tsv(os.path.join(work, "heldout.tsv"), held)
    print(f"korean pairs {len(korean)}: train {len(train)}, held out {len(held)}; english pairs {len(english)}")

    text = os.path.join(work, "spm_input.txt")
    with open(text, "w", encoding="utf-8") as f:
        for q, a in train + english * 4:
            f.write(q + "\n" + a + "\n")
        for s in SYSTEM_PROMPTS * 20:
            f.write(s + "\n")
        f.write("system\nuser\nassistant\n" * 50)
    # BPE because the engine rebuilds a BPE ModelProto from the GGUF scores; no dummy prefix and
    # identity normalization so that text and special tokens tokenize the same in training and in
    # the engine; byte fallback so that any character (rare syllables, emoji) can be encoded.
    subprocess.run([
        "spm_train", f"--input={text}", f"--model_prefix={os.path.join(work, 'spm')}",
        "--model_type=bpe", f"--vocab_size={VOCAB_SIZE}", "--character_coverage=0.9995",
        "--byte_fallback=true", "--split_digits=true", "--normalization_rule_name=identity",
        "--add_dummy_prefix=false", "--remove_extra_whitespaces=false",
        "--unk_id=0", "--bos_id=1", "--eos_id=2", "--pad_id=-1",
        "--control_symbols=<|im_start|>,<|im_end|>", "--num_threads=1", "--minloglevel=1",
    ], check=True)


if __name__ == "__main__":
    main()
