"""The demo model: a small Llama (RMSNorm, rotary attention, SwiGLU, tied embeddings) written so
that its weights map 1:1 onto GGUF's llama tensors. Rotary embeddings rotate adjacent pairs
(x[2i], x[2i+1]), the layout the engine (and llama.cpp) uses for llama, so no permutation is
needed at export."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# Sized for ~45 minutes on two cores shared with several compiling engineers: at dim 192 a
# 24-conversation step took 20 s there (130 steps in the budget), so the model is kept small
# enough to see each pair about once.
CONFIG = dict(vocab=4096, dim=128, layers=4, heads=2, ff=384, ctx=256, rope_base=10000.0, eps=1e-5)


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(head_dim, ctx, base):
    inv = base ** (-torch.arange(0, head_dim, 2, dtype=torch.float32) / head_dim)
    angles = torch.outer(torch.arange(ctx, dtype=torch.float32), inv)
    return angles.cos(), angles.sin()


def apply_rope(x, cos, sin):
    # x: (batch, heads, time, head_dim); pairs are adjacent elements.
    t = x.shape[2]
    x2 = x.reshape(*x.shape[:-1], -1, 2)
    a, b = x2[..., 0], x2[..., 1]
    c, s = cos[:t], sin[:t]
    return torch.stack((a * c - b * s, a * s + b * c), dim=-1).flatten(-2)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["dim"]
        self.heads = c["heads"]
        self.attn_norm = RMSNorm(d, c["eps"])
        self.wq = nn.Linear(d, d, bias=False)
        self.wk = nn.Linear(d, d, bias=False)
        self.wv = nn.Linear(d, d, bias=False)
        self.wo = nn.Linear(d, d, bias=False)
        self.ffn_norm = RMSNorm(d, c["eps"])
        self.gate = nn.Linear(d, c["ff"], bias=False)
        self.up = nn.Linear(d, c["ff"], bias=False)
        self.down = nn.Linear(c["ff"], d, bias=False)

    def forward(self, x, cos, sin):
        b, t, d = x.shape
        h = self.attn_norm(x)
        split = lambda y: y.view(b, t, self.heads, -1).transpose(1, 2)
        q, k, v = split(self.wq(h)), split(self.wk(h)), split(self.wv(h))
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True) if hasattr(F, "scaled_dot_product_attention") \
            else self._attention(q, k, v)
        x = x + self.wo(a.transpose(1, 2).reshape(b, t, d))
        h = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))

    @staticmethod
    def _attention(q, k, v):
        t = q.shape[2]
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        return scores.masked_fill(mask, float("-inf")).softmax(-1) @ v


class DemoModel(nn.Module):
    def __init__(self, c=CONFIG):
        super().__init__()
        self.c = c
        self.embed = nn.Embedding(c["vocab"], c["dim"])
        self.blocks = nn.ModuleList(Block(c) for _ in range(c["layers"]))
        self.norm = RMSNorm(c["dim"], c["eps"])
        cos, sin = rope_tables(c["dim"] // c["heads"], c["ctx"], c["rope_base"])
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)
        nn.init.normal_(self.embed.weight, std=0.02)
        for blk in self.blocks:
            for lin in (blk.wq, blk.wk, blk.wv, blk.gate, blk.up):
                nn.init.normal_(lin.weight, std=0.02)
            for lin in (blk.wo, blk.down):  # scaled residual projections (GPT-2)
                nn.init.normal_(lin.weight, std=0.02 / math.sqrt(2 * c["layers"]))

    def forward(self, tokens):
        x = self.embed(tokens)
        for blk in self.blocks:
            x = blk(x, self.cos, self.sin)
        return self.norm(x) @ self.embed.weight.t()  # output tied to the embedding
