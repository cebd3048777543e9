// Writes the fuzzer's seed corpus (generated, so no binary files live in the repository):
// small valid GGUFs of both versions, every metadata type, nested arrays, each supported
// tensor type, and tiny llama/qwen2 models that pass architecture validation.
#include "gguf/gguf_writer.h"
#include "support/synthetic_model.h"

#include <cstdio>
#include <string>

using namespace sosoik;
using namespace sosoik::test;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    int n = 0;
    auto save = [&](const GgufWriter& w) { w.save(dir + "/seed-" + std::to_string(n++) + ".gguf"); };

    for (uint32_t version : {2u, 3u}) {
        GgufWriter w(version);
        w.setU8("u8", 1);
        w.setI8("i8", -1);
        w.setU16("u16", 2);
        w.setI16("i16", -2);
        w.setU32("u32", 3);
        w.setI32("i32", -3);
        w.setU64("u64", 4);
        w.setI64("i64", -4);
        w.setF32("f32", 0.5f);
        w.setF64("f64", 0.25);
        w.setBool("b", true);
        w.setString("s", "text");
        w.setStringArray("sa", {"a", "bc"});
        w.setRaw("nested", gguf::ValueType::Array,
                 GgufWriter::arrayPayload(gguf::ValueType::Array, 1,
                                          GgufWriter::arrayPayload(gguf::ValueType::Int32, 1, {7, 0, 0, 0})));
        save(w);
    }
    for (auto type :
         {gguf::TensorType::F32, gguf::TensorType::F16, gguf::TensorType::BF16, gguf::TensorType::Q8_0,
          gguf::TensorType::Q4_0, gguf::TensorType::Q4_1, gguf::TensorType::Q5_0, gguf::TensorType::Q5_1,
          gguf::TensorType::Q4_K, gguf::TensorType::Q6_K}) {
        GgufWriter w;
        w.setAlignment(type == gguf::TensorType::F32 ? 8 : 32);
        const size_t cols = gguf::traits(type).blockElements == 256 ? 256 : 32;
        std::vector<float> values(cols * 2);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<float>(i % 17) - 8.f;
        w.addTensor("t", {cols, 2}, type, values);
        save(w);
    }
    for (const char* arch : {"llama", "qwen2"}) {
        SyntheticModelSpec s;
        s.architecture = arch;
        s.nEmbd = 8;
        s.nHead = 2;
        s.nHeadKv = 1;
        s.nFf = 8;
        s.nLayer = 1;
        s.nVocab = 259;
        s.tiedOutput = true;
        s.ropeFreqs = std::string(arch) == "llama";
        save(buildSyntheticModel(s));
    }
    std::printf("wrote %d seeds to %s\n", n, dir.c_str());
    return 0;
}
