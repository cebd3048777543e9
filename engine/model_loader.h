#pragma once
// The engine-internal side of sosoik::Model: the mapped file, hyper-parameters, bound weights
// and the backend that sessions run on.
#include "backend/backend.h"
#include "gguf/gguf_file.h"
#include "model/hparams.h"
#include "model/weights.h"
#include "sosoik/chat_template.h"
#include "sosoik/model.h"
#include "sosoik/tokenizer.h"

#include <memory>
#include <mutex>
#include <string>

namespace sosoik {

class LoadedModel : public Model {
public:
    static std::unique_ptr<LoadedModel> open(const std::string& path, const LoadOptions& options);

    const ModelInfo& info() const override { return info_; }
    // Throw Error(Unsupported) when the file's tokenizer could not be built; the model can
    // still be run on token ids (`logits --tokens`).
    const Tokenizer& tokenizer() const override;
    const ChatTemplate& chatTemplate() const override;
    bool hasTokenizer() const { return tokenizer_ != nullptr; }

    const gguf::File& file() const { return *file_; }
    const model::HParams& hparams() const { return hparams_; }
    const model::Weights& weights() const { return weights_; }
    backend::Backend& backend() const { return *backend_; }
    // Backends need not be re-entrant; sessions hold this while they compute.
    std::mutex& computeMutex() const { return computeMutex_; }

private:
    std::unique_ptr<gguf::File> file_;
    model::HParams hparams_;
    model::Weights weights_;
    std::unique_ptr<backend::Backend> backend_;
    std::unique_ptr<Tokenizer> tokenizer_;
    std::string tokenizerError_;
    std::unique_ptr<ChatTemplate> chatTemplate_;
    std::string chatTemplateError_;
    ModelInfo info_;
    mutable std::mutex computeMutex_;
};

} // namespace sosoik
