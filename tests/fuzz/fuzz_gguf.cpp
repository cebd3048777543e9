// libFuzzer target: arbitrary bytes through the GGUF reader, the architecture units and the
// dequantizers. Any outcome but a sosoik::Error (crash, hang, leak, sanitizer report, other
// exception) is a bug.
#include "gguf/gguf_file.h"
#include "model/architecture.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sosoik;
    try {
        auto file = gguf::File::fromMemory({data, size}, "fuzz");
        // Touch every accessor the loader uses.
        for (const auto& [key, value] : file->metadata()) {
            (void)value.asInt();
            (void)value.asFloat();
            (void)value.asString();
        }
        for (const auto& t : file->tensors()) {
            const auto tr = gguf::traits(t.type);
            if (!tr.supported) continue;
            // The first row (at most 4096 elements) must be readable inside the file.
            const size_t n = std::min<uint64_t>(t.dims[0], 4096) / tr.blockElements * tr.blockElements;
            if (n == 0) continue;
            std::vector<float> row(n);
            gguf::dequantizeRow(t.type, t.data, row.data(), n);
        }
        const auto& arch = model::architectureOf(*file);
        model::HParams hp;
        arch.readHParams(*file, hp);
        model::Weights w;
        arch.bindWeights(*file, hp, w);
    } catch (const Error&) {
    }
    return 0;
}
