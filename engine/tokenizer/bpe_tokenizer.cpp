#include "tokenizer/bpe_tokenizer.h"

#include "tokenizer/byte_level.h"

#include <queue>

namespace sosoik::tok {
namespace {

size_t utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

struct Symbol {
    size_t start, length;
    int prev, next;
};

struct Candidate {
    int rank;
    int left, right;
    size_t leftLength, rightLength; // to recognize pairs made stale by an earlier merge
    bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : left > o.left; }
};

} // namespace

BpeTokenizer::BpeTokenizer(Vocab v) : VocabTokenizer(std::move(v)), pre_(vocab().pre) {
    const Vocab& vocab = this->vocab();
    ranks_.reserve(vocab.merges.size());
    for (size_t i = 0; i < vocab.merges.size(); ++i) {
        const std::string& m = vocab.merges[i];
        // The separator is the first space after the first character (a left part never starts
        // with a raw space in byte-level spelling, but llama.cpp allows it; so do we).
        if (m.find(' ', 1) == std::string::npos) continue;
        ranks_.emplace(m, static_cast<int>(i));
    }
    bytes_.resize(vocab.size());
    // Added (user-defined) tokens are stored as the literal text they stand for, not byte-level.
    for (int32_t id = 0; id < vocab.size(); ++id)
        bytes_[id] =
            vocab.types[id] == TokenType::UserDefined ? vocab.tokens[id] : byteLevelDecode(vocab.tokens[id]);
}

int BpeTokenizer::rank(std::string_view left, std::string_view right, std::string& scratch) const {
    scratch.assign(left);
    scratch.push_back(' ');
    scratch.append(right);
    auto it = ranks_.find(std::string_view(scratch));
    return it == ranks_.end() ? -1 : it->second;
}

void BpeTokenizer::encodeText(std::string_view text, bool, std::vector<int32_t>& out) const {
    for (std::string_view piece : pre_.split(text))
        encodeWord(byteLevelEncode(piece), out);
}

void BpeTokenizer::encodeWord(const std::string& word, std::vector<int32_t>& out) const {
    if (pre_.ignoreMerges()) {
        if (const int32_t id = findToken(word); id >= 0) {
            out.push_back(id);
            return;
        }
    }
    std::vector<Symbol> symbols;
    for (size_t i = 0; i < word.size();) {
        const size_t len = std::min(utf8Length(word[i]), word.size() - i);
        symbols.push_back(
            {i, len, static_cast<int>(symbols.size()) - 1, static_cast<int>(symbols.size()) + 1});
        i += len;
    }
    if (symbols.empty()) return;
    symbols.back().next = -1;

    std::string scratch;
    auto text = [&](int i) { return std::string_view(word).substr(symbols[i].start, symbols[i].length); };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    auto consider = [&](int left, int right) {
        if (left < 0 || right < 0) return;
        const int r = rank(text(left), text(right), scratch);
        if (r >= 0) queue.push({r, left, right, symbols[left].length, symbols[right].length});
    };
    for (size_t i = 1; i < symbols.size(); ++i)
        consider(static_cast<int>(i) - 1, static_cast<int>(i));

    // Always merge the lowest-ranked adjacent pair, leftmost first.
    while (!queue.empty()) {
        const Candidate c = queue.top();
        queue.pop();
        Symbol& l = symbols[c.left];
        Symbol& r = symbols[c.right];
        if (l.length != c.leftLength || r.length != c.rightLength || l.next != c.right) continue;
        l.length += r.length;
        r.length = 0;
        l.next = r.next;
        if (r.next >= 0) symbols[r.next].prev = c.left;
        consider(l.prev, c.left);
        consider(c.left, l.next);
    }

    for (int i = 0; i >= 0; i = symbols[i].next) {
        const std::string_view s = text(i);
        if (const int32_t id = findToken(s); id >= 0) {
            out.push_back(id);
            continue;
        }
        // Not a token after merging (a vocabulary without every byte merge): spell it by bytes.
        for (size_t k = 0; k < s.size();) {
            const size_t len = std::min(utf8Length(s[k]), s.size() - k);
            const int32_t id = findToken(s.substr(k, len));
            if (id >= 0)
                out.push_back(id);
            else if (vocab().unk >= 0)
                out.push_back(vocab().unk);
            k += len;
        }
    }
}

} // namespace sosoik::tok
