"""Tokenizes conversations exactly as the engine renders its "chatml" family: every markup part
('<|im_start|>user\n', '<|im_end|>\n', ...) and every message content is encoded on its own,
special tokens by id, after a BOS (the vocabulary's add_bos_token)."""
import sentencepiece as spm

BOS, IM_START, IM_END = 1, 3, 4


class ChatFormat:
    def __init__(self, spm_model):
        self.sp = spm.SentencePieceProcessor(model_file=spm_model)
        assert self.sp.piece_to_id("<|im_start|>") == IM_START and self.sp.piece_to_id("<|im_end|>") == IM_END
        self.nl = self.sp.encode("\n")
        self.headers = {r: self.sp.encode(r + "\n") for r in ("system", "user", "assistant")}

    def turn(self, role, content):
        return [IM_START] + self.headers[role] + self.sp.encode(content) + [IM_END] + self.nl

    def conversation(self, system, turns):
        """turns: [(question, answer)]. Returns (tokens, targets mask): the answers and their
        <|im_end|> are learned, the rest is context."""
        tokens, learn = [BOS], [False]
        if system:
            t = self.turn("system", system)
            tokens += t
            learn += [False] * len(t)
        for q, a in turns:
            t = self.turn("user", q) + [IM_START] + self.headers["assistant"]
            tokens += t
            learn += [False] * len(t)
            ans = self.sp.encode(a) + [IM_END]
            tokens += ans + self.nl
            learn += [True] * len(ans) + [False] * len(self.nl)
        return tokens, learn

    def prompt(self, system, question):
        tokens, _ = self.conversation(system, [])
        return tokens + self.turn("user", question) + [IM_START] + self.headers["assistant"]
