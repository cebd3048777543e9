#include "chat/chat_templates.h"

#include "sosoik/error.h"

#include <functional>
#include <map>

namespace sosoik::chat {
namespace {

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Roles are template markup, so only the three known ones pass; anything else speaks as the user.
std::string role(const ChatMessage& m) {
    return m.role == "system" || m.role == "assistant" ? m.role : std::string("user");
}

class Parts {
public:
    Parts& markup(std::string s) { return add(std::move(s), false); }
    Parts& content(std::string s) { return add(std::move(s), true); }
    std::vector<Part> take() { return std::move(parts_); }

private:
    Parts& add(std::string s, bool content) {
        if (!s.empty()) parts_.push_back({std::move(s), content});
        return *this;
    }
    std::vector<Part> parts_;
};

// For families without a system role: the system text becomes the start of the first user turn.
std::vector<ChatMessage> foldSystem(const std::vector<ChatMessage>& messages, const std::string& separator) {
    std::string system;
    std::vector<ChatMessage> out;
    for (const ChatMessage& m : messages) {
        if (role(m) == "system") {
            system += (system.empty() ? "" : separator) + m.content;
            continue;
        }
        out.push_back({role(m), m.content});
        if (!system.empty() && out.back().role == "user") {
            out.back().content = system + separator + out.back().content;
            system.clear();
        }
    }
    if (!system.empty()) out.push_back({"user", system});
    return out;
}

using PartsFn = std::function<std::vector<Part>(const std::vector<ChatMessage>&, bool, const std::string&)>;

class Family final : public FamilyTemplate {
public:
    Family(std::string name, PartsFn fn, std::vector<std::string> stops, std::string defaultSystem)
        : name_(std::move(name)), fn_(std::move(fn)), stops_(std::move(stops)),
          defaultSystem_(std::move(defaultSystem)) {}
    std::string family() const override { return name_; }
    std::vector<std::string> stopStrings() const override { return stops_; }
    std::vector<Part> parts(const std::vector<ChatMessage>& messages, bool prefix) const override {
        return fn_(messages, prefix, defaultSystem_);
    }

private:
    std::string name_;
    PartsFn fn_;
    std::vector<std::string> stops_;
    std::string defaultSystem_;
};

// <|im_start|>role\ncontent<|im_end|>\n ... <|im_start|>assistant\n   (Qwen, SmolLM, many fine-tunes)
std::vector<Part> chatml(const std::vector<ChatMessage>& messages, bool prefix,
                         const std::string& defaultSystem) {
    Parts p;
    if (!defaultSystem.empty() && (messages.empty() || role(messages.front()) != "system"))
        p.markup("<|im_start|>system\n" + defaultSystem + "<|im_end|>\n");
    for (const ChatMessage& m : messages)
        p.markup("<|im_start|>" + role(m) + "\n").content(m.content).markup("<|im_end|>\n");
    if (prefix) p.markup("<|im_start|>assistant\n");
    return p.take();
}

// Qwen3: ChatML with thinking switched off the way its own template does for
// enable_thinking=false (an empty <think></think> block opens the answer), so small models answer
// at once instead of streaming a long reasoning trace into the chat.
std::vector<Part> qwen3(const std::vector<ChatMessage>& messages, bool prefix,
                        const std::string& defaultSystem) {
    std::vector<Part> parts = chatml(messages, false, defaultSystem);
    if (prefix) parts.push_back({"<|im_start|>assistant\n<think>\n\n</think>\n\n", false});
    return parts;
}

// [INST] <<SYS>>\nsystem\n<</SYS>>\n\nuser [/INST] answer </s><s>[INST] user [/INST]   (Llama 2 chat)
std::vector<Part> llama2(const std::vector<ChatMessage>& messages, bool, const std::string&) {
    Parts p;
    std::string system;
    bool firstUser = true;
    for (const ChatMessage& m : messages) {
        const std::string r = role(m);
        if (r == "system") {
            system += m.content;
        } else if (r == "user") {
            if (!firstUser) p.markup("<s>");
            p.markup("[INST] ");
            if (firstUser && !system.empty()) p.markup("<<SYS>>\n").content(system).markup("\n<</SYS>>\n\n");
            p.content(trim(m.content)).markup(" [/INST]");
            firstUser = false;
        } else {
            p.markup(" ").content(trim(m.content)).markup(" </s>");
        }
    }
    return p.take(); // the model answers right after [/INST]: no assistant prefix exists
}

// <|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>   (Llama 3.x)
std::vector<Part> llama3(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    for (const ChatMessage& m : messages)
        p.markup("<|start_header_id|>" + role(m) + "<|end_header_id|>\n\n")
            .content(trim(m.content))
            .markup("<|eot_id|>");
    if (prefix) p.markup("<|start_header_id|>assistant<|end_header_id|>\n\n");
    return p.take();
}

// <start_of_turn>user\ncontent<end_of_turn>\n<start_of_turn>model\n   (Gemma: no system role)
std::vector<Part> gemma(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    for (const ChatMessage& m : foldSystem(messages, "\n\n"))
        p.markup("<start_of_turn>" + std::string(m.role == "assistant" ? "model" : "user") + "\n")
            .content(trim(m.content))
            .markup("<end_of_turn>\n");
    if (prefix) p.markup("<start_of_turn>model\n");
    return p.take();
}

// <|system|>\n...<|end|>\n<|user|>\n...<|end|>\n<|assistant|>\n   (Phi-3 / Phi-3.5)
std::vector<Part> phi3(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    for (const ChatMessage& m : messages)
        p.markup("<|" + role(m) + "|>\n").content(m.content).markup("<|end|>\n");
    if (prefix) p.markup("<|assistant|>\n");
    return p.take();
}

// [INST] system\n\nuser [/INST]answer</s>[INST] user [/INST]   (Mistral Instruct v0.1/v0.2)
std::vector<Part> mistral(const std::vector<ChatMessage>& messages, bool, const std::string&) {
    Parts p;
    for (const ChatMessage& m : foldSystem(messages, "\n\n")) {
        if (m.role == "user")
            p.markup("[INST] ").content(m.content).markup(" [/INST]");
        else
            p.content(m.content).markup("</s>");
    }
    return p.take();
}

// [|system|]...[|endofturn|]\n[|user|]...\n[|assistant|]...[|endofturn|]\n   (EXAONE 3 / 3.5)
std::vector<Part> exaone3(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    if (messages.empty() || role(messages.front()) != "system") p.markup("[|system|][|endofturn|]\n");
    for (const ChatMessage& m : messages) {
        const std::string r = role(m);
        p.markup("[|" + r + "|]").content(m.content).markup(r == "user" ? "\n" : "[|endofturn|]\n");
    }
    if (prefix) p.markup("[|assistant|]");
    return p.take();
}

// [|system|]\n...[|endofturn|]\n[|user|]\n...[|endofturn|]\n[|assistant|]\n<think>\n\n</think>\n\n...
// (EXAONE 4.0 with reasoning off: every assistant turn opens with an empty think block, as the
// model's own template renders it with enable_thinking=false; HF transformers
// Exaone4ForCausalLM docstring example)
std::vector<Part> exaone4(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    for (const ChatMessage& m : messages) {
        const std::string r = role(m);
        p.markup("[|" + r + "|]\n" + (r == "assistant" ? "<think>\n\n</think>\n\n" : ""))
            .content(m.content)
            .markup("[|endofturn|]\n");
    }
    if (prefix) p.markup("[|assistant|]\n<think>\n\n</think>\n\n");
    return p.take();
}

// <|system|>\n...</s>\n<|user|>\n...</s>\n<|assistant|>\n   (Zephyr, TinyLlama chat)
std::vector<Part> zephyr(const std::vector<ChatMessage>& messages, bool prefix, const std::string&) {
    Parts p;
    for (const ChatMessage& m : messages)
        p.markup("<|" + role(m) + "|>\n").content(m.content).markup("</s>\n");
    if (prefix) p.markup("<|assistant|>\n");
    return p.take();
}

struct FamilySpec {
    PartsFn fn;
    std::vector<std::string> stops;
};

const std::map<std::string, FamilySpec>& families() {
    static const std::map<std::string, FamilySpec> all = {
        {"chatml", {chatml, {"<|im_end|>", "<|im_start|>"}}},
        {"qwen3", {qwen3, {"<|im_end|>", "<|im_start|>"}}},
        {"llama2", {llama2, {"</s>", "[INST]"}}},
        {"llama3", {llama3, {"<|eot_id|>", "<|start_header_id|>"}}},
        {"gemma", {gemma, {"<end_of_turn>", "<start_of_turn>"}}},
        {"phi3", {phi3, {"<|end|>", "<|user|>", "<|endoftext|>"}}},
        {"mistral", {mistral, {"</s>", "[INST]"}}},
        {"exaone3", {exaone3, {"[|endofturn|]", "[|user|]"}}},
        {"exaone4", {exaone4, {"[|endofturn|]", "[|user|]"}}},
        {"zephyr", {zephyr, {"</s>", "<|user|>"}}},
    };
    return all;
}

} // namespace

std::string FamilyTemplate::render(const std::vector<ChatMessage>& messages, bool addAssistantPrefix) const {
    std::string out;
    for (const Part& part : parts(messages, addAssistantPrefix))
        out += part.text;
    return out;
}

std::unique_ptr<FamilyTemplate> makeFamilyTemplate(const std::string& family,
                                                   const std::string& defaultSystem) {
    auto it = families().find(family);
    if (it == families().end())
        throw Error(Error::Kind::InvalidArgument, "Unknown chat template family '" + family + "'.");
    return std::make_unique<Family>(family, it->second.fn, it->second.stops,
                                    family == "chatml" || family == "qwen3" ? defaultSystem : "");
}

std::vector<std::string> familyNames() {
    std::vector<std::string> names;
    for (const auto& [name, spec] : families())
        names.push_back(name);
    return names;
}

} // namespace sosoik::chat
