#!/usr/bin/env python3
"""Writes the trained demo model as a GGUF v3 file the engine loads as a llama model: F16
matrices, F32 norms, the SentencePiece vocabulary (BPE scores, byte pieces, ChatML control
tokens) and a ChatML chat template.

Usage: export_gguf.py WORK_DIR OUT.gguf
"""
import struct
import sys

import numpy as np
import sentencepiece as spm
import torch

from model import CONFIG

ALIGN = 32
T_UINT32, T_INT32, T_FLOAT32, T_BOOL, T_STRING, T_ARRAY = 4, 5, 6, 7, 8, 9
GGML_F32, GGML_F16 = 0, 1
# llama.cpp token types: 1 normal, 2 unknown, 3 control, 6 byte
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] "
    "+ '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def gguf_string(s):
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def kv(key, vtype, value):
    out = gguf_string(key) + struct.pack("<I", vtype)
    if vtype == T_STRING:
        return out + gguf_string(value)
    if vtype == T_ARRAY:
        etype, items = value
        out += struct.pack("<IQ", etype, len(items))
        if etype == T_STRING:
            return out + b"".join(gguf_string(x) for x in items)
        fmt = {T_INT32: "<i", T_FLOAT32: "<f"}[etype]
        return out + b"".join(struct.pack(fmt, x) for x in items)
    fmt = {T_UINT32: "<I", T_INT32: "<i", T_FLOAT32: "<f", T_BOOL: "<?"}[vtype]
    return out + struct.pack(fmt, value)


def vocabulary(sp):
    tokens, scores, types = [], [], []
    for i in range(sp.get_piece_size()):
        tokens.append(sp.id_to_piece(i))
        scores.append(sp.get_score(i))
        types.append(2 if sp.is_unknown(i) else 3 if sp.is_control(i) else 6 if sp.is_byte(i) else 1)
    return tokens, scores, types


def tensors(state):
    """(gguf name, numpy array) with torch's [out, in] layout, which is GGUF's {in, out}."""
    def f16(name):
        return state[name].float().numpy().astype(np.float16)

    def f32(name):
        return state[name].float().numpy().astype(np.float32)

    out = [("token_embd.weight", f16("embed.weight")), ("output_norm.weight", f32("norm.weight"))]
    names = dict(attn_norm="attn_norm.weight", attn_q="wq.weight", attn_k="wk.weight", attn_v="wv.weight",
                 attn_output="wo.weight", ffn_norm="ffn_norm.weight", ffn_gate="gate.weight",
                 ffn_up="up.weight", ffn_down="down.weight")
    for layer in range(CONFIG["layers"]):
        for gguf_name, torch_name in names.items():
            key = f"blocks.{layer}.{torch_name}"
            arr = f32(key) if gguf_name.endswith("norm") else f16(key)
            out.append((f"blk.{layer}.{gguf_name}.weight", arr))
    return out


def main():
    work, out_path = sys.argv[1], sys.argv[2]
    state = torch.load(f"{work}/final.pt")
    sp = spm.SentencePieceProcessor(model_file=f"{work}/spm.model")
    tokens, scores, types = vocabulary(sp)
    assert len(tokens) == CONFIG["vocab"]
    c = CONFIG
    meta = [
        kv("general.architecture", T_STRING, "llama"),
        kv("general.name", T_STRING, "Sosoik demo (Korean/English small talk)"),
        kv("general.license", T_STRING, "MIT"),
        kv("general.alignment", T_UINT32, ALIGN),
        kv("llama.context_length", T_UINT32, c["ctx"]),
        kv("llama.embedding_length", T_UINT32, c["dim"]),
        kv("llama.block_count", T_UINT32, c["layers"]),
        kv("llama.feed_forward_length", T_UINT32, c["ff"]),
        kv("llama.attention.head_count", T_UINT32, c["heads"]),
        kv("llama.attention.head_count_kv", T_UINT32, c["heads"]),
        kv("llama.rope.dimension_count", T_UINT32, c["dim"] // c["heads"]),
        kv("llama.rope.freq_base", T_FLOAT32, c["rope_base"]),
        kv("llama.attention.layer_norm_rms_epsilon", T_FLOAT32, c["eps"]),
        kv("tokenizer.ggml.model", T_STRING, "llama"),
        kv("tokenizer.ggml.tokens", T_ARRAY, (T_STRING, tokens)),
        kv("tokenizer.ggml.scores", T_ARRAY, (T_FLOAT32, scores)),
        kv("tokenizer.ggml.token_type", T_ARRAY, (T_INT32, types)),
        kv("tokenizer.ggml.bos_token_id", T_UINT32, 1),
        kv("tokenizer.ggml.eos_token_id", T_UINT32, 4),  # <|im_end|> ends an answer
        kv("tokenizer.ggml.unknown_token_id", T_UINT32, 0),
        kv("tokenizer.ggml.add_bos_token", T_BOOL, True),
        kv("tokenizer.ggml.add_space_prefix", T_BOOL, False),
        kv("tokenizer.chat_template", T_STRING, CHAT_TEMPLATE),
    ]
    items = tensors(state)
    infos, blobs, offset = [], [], 0
    for name, arr in items:
        pad = (-offset) % ALIGN
        offset += pad
        blobs.append(b"\0" * pad + arr.tobytes())
        dims = list(reversed(arr.shape))
        infos.append(gguf_string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
                     + struct.pack("<IQ", GGML_F16 if arr.dtype == np.float16 else GGML_F32, offset))
        offset += arr.nbytes
    header = b"GGUF" + struct.pack("<IQQ", 3, len(items), len(meta)) + b"".join(meta) + b"".join(infos)
    with open(out_path, "wb") as f:
        f.write(header + b"\0" * ((-len(header)) % ALIGN))
        for blob in blobs:
            f.write(blob)
    print(f"wrote {out_path}: {len(items)} tensors, {offset / 1e6:.1f} MB of weights")


if __name__ == "__main__":
    main()
