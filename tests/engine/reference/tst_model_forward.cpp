// The whole reference forward pass against an independent, deliberately naive float64
// implementation written here from the model definitions (HF transformers' modeling files), not
// from the layer plan, on synthetic models covering every architecture (llama, qwen2, qwen3, exaone,
// phi3, gemma2, gemma3, exaone4), GQA ratios, odd head sizes, quantized weights, tied output, rope_freqs and
// sliding windows shorter than the prompt.
#include "gguf/gguf_file.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "support/synthetic_model.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sosoik;
using namespace sosoik::test;
using gguf::TensorType;

namespace {

using Mat = std::vector<std::vector<double>>; // [row][col]

Mat load(const gguf::File& f, const std::string& name) {
    const auto* t = f.tensor(name);
    if (!t) return {};
    const size_t cols = t->dims[0], rows = t->elements() / cols, rb = gguf::rowBytes(t->type, cols);
    Mat m(rows, std::vector<double>(cols));
    std::vector<float> row(cols);
    for (size_t r = 0; r < rows; ++r) {
        gguf::dequantizeRow(t->type, t->data + r * rb, row.data(), cols);
        for (size_t c = 0; c < cols; ++c)
            m[r][c] = row[c];
    }
    return m;
}
std::vector<double> mul(const Mat& w, const std::vector<double>& x) {
    std::vector<double> y(w.size());
    for (size_t r = 0; r < w.size(); ++r)
        for (size_t c = 0; c < x.size(); ++c)
            y[r] += w[r][c] * x[c];
    return y;
}
std::vector<double> norm(const std::vector<double>& x, const Mat& w, double eps) {
    double ss = 0;
    for (double v : x)
        ss += v * v;
    const double s = 1 / std::sqrt(ss / x.size() + eps);
    std::vector<double> y(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        y[i] = x[i] * s * w[0][i];
    return y;
}
void rotate(std::vector<double>& x, int heads, int hd, double pos, double base, bool neox, const Mat& factors,
            double scale = 1.0) {
    for (int h = 0; h < heads; ++h)
        for (int i = 0; i < hd / 2; ++i) {
            double theta = pos / std::pow(base, 2.0 * i / hd);
            if (!factors.empty()) theta /= factors[0][i];
            const int a = h * hd + (neox ? i : 2 * i), b = h * hd + (neox ? i + hd / 2 : 2 * i + 1);
            const double x0 = x[a], x1 = x[b];
            x[a] = (x0 * std::cos(theta) - x1 * std::sin(theta)) * scale;
            x[b] = (x0 * std::sin(theta) + x1 * std::cos(theta)) * scale;
        }
}

// Logits of every position for tokens, computed token by token from the raw file.
std::vector<std::vector<double>> naiveForward(const gguf::File& f, const SyntheticModelSpec& s,
                                              const std::vector<int32_t>& tokens) {
    const bool gemma = s.architecture.rfind("gemma", 0) == 0, gemma2 = s.architecture == "gemma2";
    // EXAONE 4: no pre-norms, q/k norms, post-norms; hybrid models leave global layers unrotated.
    const bool exaone4 = s.architecture == "exaone4", postNorms = gemma || exaone4;
    const bool qwen = s.architecture == "qwen2",
               qkNorm = s.architecture == "qwen3" || s.architecture == "gemma3" || exaone4;
    const bool neox = s.architecture != "llama";
    // Gemma 2 soft-caps scores and logits (Gemma2Config defaults 50 and 30).
    const double attnCap = gemma2 ? (s.attnSoftCap > 0 ? s.attnSoftCap : 50.0) : 0.0;
    const double finalCap = gemma2 ? (s.finalSoftCap > 0 ? s.finalSoftCap : 30.0) : 0.0;
    const int hd = s.headDim > 0 ? s.headDim : s.nEmbd / s.nHead;
    const Mat embd = load(f, "token_embd.weight"), outNorm = load(f, "output_norm.weight");
    const Mat out = f.tensor("output.weight") ? load(f, "output.weight") : embd;
    const bool phi3 = s.architecture == "phi3", longRope = phi3 && s.longRopeAttnFactor > 0;
    // Phi-3's LongRoPE within its original context: the short factors and the magnitude factor.
    const Mat freqs = load(f, longRope ? "rope_factors_short.weight" : "rope_freqs.weight");
    const double ropeScale = longRope ? s.longRopeAttnFactor : 1.0;
    std::vector<std::vector<std::vector<double>>> kCache(s.nLayer), vCache(s.nLayer);
    std::vector<std::vector<double>> result;
    for (size_t pos = 0; pos < tokens.size(); ++pos) {
        std::vector<double> x = embd[tokens[pos]];
        if (gemma) // Gemma scales embeddings by sqrt(hidden_size)
            for (double& v : x)
                v *= std::sqrt(double(s.nEmbd));
        for (int l = 0; l < s.nLayer; ++l) {
            const std::string p = "blk." + std::to_string(l) + ".";
            // Which layers slide: Gemma 2 the even ones, Gemma 3 all but every 6th, Phi-3 all.
            // EXAONE 4 with a window: three sliding layers, then a global one.
            const bool global = s.architecture == "gemma3" ? (l + 1) % 6 == 0
                                : gemma2                   ? l % 2 == 1
                                : exaone4                  ? s.slidingWindow == 0 || (l + 1) % 4 == 0
                                                           : true;
            int window = s.architecture == "phi3" ? s.slidingWindow : 0;
            if ((gemma || exaone4) && !global) window = s.slidingWindow > 0 ? s.slidingWindow : 4096;
            const bool noRope = exaone4 && s.slidingWindow > 0 && global;
            // Gemma 3's local layers rotate with base 10000 and no scaling.
            const bool localRope = s.architecture == "gemma3" && !global;
            auto h = exaone4 ? x : norm(x, load(f, p + "attn_norm.weight"), s.rmsNormEps);
            std::vector<double> q, k, v;
            if (phi3) { // one q|k|v matrix
                const auto all = mul(load(f, p + "attn_qkv.weight"), h);
                const size_t qn = size_t(s.nHead) * hd, kn = size_t(s.nHeadKv) * hd;
                q.assign(all.begin(), all.begin() + qn);
                k.assign(all.begin() + qn, all.begin() + qn + kn);
                v.assign(all.begin() + qn + kn, all.end());
            } else {
                q = mul(load(f, p + "attn_q.weight"), h), k = mul(load(f, p + "attn_k.weight"), h),
                v = mul(load(f, p + "attn_v.weight"), h);
            }
            if (qwen) {
                const Mat bq = load(f, p + "attn_q.bias"), bk = load(f, p + "attn_k.bias"),
                          bv = load(f, p + "attn_v.bias");
                for (size_t i = 0; i < q.size(); ++i)
                    q[i] += bq[0][i];
                for (size_t i = 0; i < k.size(); ++i)
                    k[i] += bk[0][i], v[i] += bv[0][i];
            }
            if (qkNorm) { // each head RMS-normalised on its own, before the rotation
                const Mat qn = load(f, p + "attn_q_norm.weight"), kn = load(f, p + "attn_k_norm.weight");
                auto normHeads = [&](std::vector<double>& v, int heads, const Mat& w) {
                    for (int head = 0; head < heads; ++head) {
                        std::vector<double> one(v.begin() + head * hd, v.begin() + (head + 1) * hd);
                        one = norm(one, w, s.rmsNormEps);
                        std::copy(one.begin(), one.end(), v.begin() + head * hd);
                    }
                };
                normHeads(q, s.nHead, qn);
                normHeads(k, s.nHeadKv, kn);
            }
            const double at =
                s.ropeLinearFactor > 0 && !localRope ? double(pos) / s.ropeLinearFactor : double(pos);
            const double base = localRope ? 10000.0 : s.ropeFreqBase;
            if (!noRope) {
                rotate(q, s.nHead, hd, at, base, neox, freqs, ropeScale);
                rotate(k, s.nHeadKv, hd, at, base, neox, freqs, ropeScale);
            }
            kCache[l].push_back(k);
            vCache[l].push_back(v);
            std::vector<double> att(size_t(s.nHead) * hd);
            for (int head = 0; head < s.nHead; ++head) {
                const int kvHead = head / (s.nHead / s.nHeadKv);
                // A sliding window keeps the keys pos - window + 1 .. pos.
                const size_t first = window > 0 && pos + 1 > size_t(window) ? pos + 1 - window : 0;
                std::vector<double> w(pos + 1);
                double maxW = -1e300, sum = 0;
                for (size_t j = first; j <= pos; ++j) {
                    for (int d = 0; d < hd; ++d)
                        w[j] += q[head * hd + d] * kCache[l][j][kvHead * hd + d];
                    w[j] /= std::sqrt(double(hd));
                    if (attnCap > 0) w[j] = attnCap * std::tanh(w[j] / attnCap);
                    maxW = std::max(maxW, w[j]);
                }
                for (size_t j = first; j <= pos; ++j)
                    sum += w[j] = std::exp(w[j] - maxW);
                for (size_t j = first; j <= pos; ++j)
                    for (int d = 0; d < hd; ++d)
                        att[head * hd + d] += w[j] / sum * vCache[l][j][kvHead * hd + d];
            }
            auto o = mul(load(f, p + "attn_output.weight"), att);
            if (postNorms) o = norm(o, load(f, p + "post_attention_norm.weight"), s.rmsNormEps);
            for (size_t i = 0; i < x.size(); ++i)
                x[i] += o[i];
            h = exaone4 ? x : norm(x, load(f, p + "ffn_norm.weight"), s.rmsNormEps);
            std::vector<double> g, u;
            if (phi3) { // one gate|up matrix
                const auto all = mul(load(f, p + "ffn_up.weight"), h);
                g.assign(all.begin(), all.begin() + s.nFf);
                u.assign(all.begin() + s.nFf, all.end());
            } else {
                g = mul(load(f, p + "ffn_gate.weight"), h);
                u = mul(load(f, p + "ffn_up.weight"), h);
            }
            for (size_t i = 0; i < g.size(); ++i)
                g[i] =
                    gemma ? 0.5 * g[i] *
                                (1 + std::tanh(std::sqrt(2 / M_PI) * (g[i] + 0.044715 * std::pow(g[i], 3)))) *
                                u[i] // GELU (tanh approximation) · up
                          : g[i] / (1 + std::exp(-g[i])) * u[i];
            auto d = mul(load(f, p + "ffn_down.weight"), g);
            if (postNorms) d = norm(d, load(f, p + "post_ffw_norm.weight"), s.rmsNormEps);
            for (size_t i = 0; i < x.size(); ++i)
                x[i] += d[i];
        }
        auto logits = mul(out, norm(x, outNorm, s.rmsNormEps));
        if (finalCap > 0)
            for (double& v : logits)
                v = finalCap * std::tanh(v / finalCap);
        result.push_back(logits);
    }
    return result;
}

// Max |reference backend − naive| over every logit of a short prompt on the model s describes;
// the naive side reads the same file but follows `naive` (default: s) for what the file does not say.
const std::vector<int32_t> kPrompt = {1, 300, 17, 259, 42, 5, 318};
// 24 tokens: longer than the sliding windows under test.
const std::vector<int32_t> kLongPrompt = {1,   300, 17, 259, 42,  5,   318, 64, 77, 260, 261, 290,
                                          100, 101, 3,  9,   270, 280, 311, 12, 13, 14,  299, 319};

double worstDifference(const SyntheticModelSpec& s, const SyntheticModelSpec* naive = nullptr,
                       const std::vector<int32_t>& tokens = kPrompt) {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/m.gguf").toStdString();
    writeSyntheticModel(s, path);

    LoadOptions opts;
    opts.backend = BackendKind::Reference;
    opts.threads = 2;
    auto model = Model::load(path, opts);
    auto session = Session::create(*model, 64);
    const auto logits = session->decode(tokens, true);
    const auto file = gguf::File::open(path);
    const auto expected = naiveForward(*file, naive ? *naive : s, tokens);
    double worst = 0;
    for (size_t t = 0; t < tokens.size(); ++t)
        for (int v = 0; v < s.nVocab; ++v)
            worst = std::max(worst, std::fabs(logits[t * s.nVocab + v] - expected[t][v]));
    return worst;
}

} // namespace

class TestModelForward : public QObject {
    Q_OBJECT
private slots:
    void matchesNaiveImplementation_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("ropeFreqs");
        QTest::newRow("llama f32 mha") << "llama" << int(TensorType::F32) << 4 << 4 << 0 << false << false;
        QTest::newRow("llama f16 gqa4 tied")
            << "llama" << int(TensorType::F16) << 4 << 1 << 0 << true << false;
        QTest::newRow("llama q8_0 gqa2 ropefreqs")
            << "llama" << int(TensorType::Q8_0) << 4 << 2 << 0 << false << true;
        QTest::newRow("llama bf16 key_length 6")
            << "llama" << int(TensorType::BF16) << 3 << 3 << 6 << false << false;
        QTest::newRow("qwen2 f32 gqa3") << "qwen2" << int(TensorType::F32) << 6 << 2 << 0 << false << false;
        QTest::newRow("qwen2 q4_0 tied") << "qwen2" << int(TensorType::Q4_0) << 4 << 2 << 0 << true << false;
        QTest::newRow("qwen2 q5_0 (odd-width Q4_K_M fallback)")
            << "qwen2" << int(TensorType::Q5_0) << 4 << 2 << 0 << false << false;
        QTest::newRow("llama q4_1") << "llama" << int(TensorType::Q4_1) << 4 << 4 << 0 << true << false;
        QTest::newRow("llama q5_1") << "llama" << int(TensorType::Q5_1) << 4 << 1 << 0 << false << false;
        QTest::newRow("llama q4_k") << "llama" << int(TensorType::Q4_K) << 4 << 2 << 0 << false << false;
        QTest::newRow("qwen3 f32 gqa head 24")
            << "qwen3" << int(TensorType::F32) << 4 << 2 << 24 << true << false;
        QTest::newRow("qwen3 q8_0 mha") << "qwen3" << int(TensorType::Q8_0) << 4 << 4 << 0 << false << false;
        QTest::newRow("phi3 f32 mha (fused qkv, gate|up)")
            << "phi3" << int(TensorType::F32) << 4 << 4 << 0 << false << false;
        QTest::newRow("phi3 q8_0 gqa") << "phi3" << int(TensorType::Q8_0) << 4 << 2 << 0 << false << false;
        QTest::newRow("exaone f16 gqa") << "exaone" << int(TensorType::F16) << 8 << 2 << 0 << false << false;
        QTest::newRow("exaone q4_k tied ropefreqs")
            << "exaone" << int(TensorType::Q4_K) << 4 << 1 << 0 << true << true;
        QTest::newRow("qwen2 q6_k ropefreqs")
            << "qwen2" << int(TensorType::Q6_K) << 8 << 2 << 0 << false << true;
        QTest::newRow("llama q2_k") << "llama" << int(TensorType::Q2_K) << 4 << 2 << 0 << false << false;
        QTest::newRow("qwen2 q3_k tied") << "qwen2" << int(TensorType::Q3_K) << 4 << 2 << 0 << true << false;
        QTest::newRow("llama q5_k") << "llama" << int(TensorType::Q5_K) << 4 << 4 << 0 << false << true;
        QTest::newRow("llama iq4_nl") << "llama" << int(TensorType::IQ4_NL) << 4 << 2 << 0 << false << false;
        QTest::newRow("qwen3 iq4_xs") << "qwen3" << int(TensorType::IQ4_XS) << 4 << 2 << 0 << false << false;
    }
    void matchesNaiveImplementation() {
        QFETCH(QString, arch);
        QFETCH(int, type);
        QFETCH(int, nHead);
        QFETCH(int, nHeadKv);
        QFETCH(int, headDim);
        QFETCH(bool, tied);
        QFETCH(bool, ropeFreqs);
        SyntheticModelSpec s;
        s.architecture = arch.toStdString();
        s.weightType = static_cast<TensorType>(type);
        s.embeddingType = s.weightType;
        const bool kQuant = gguf::traits(s.weightType).blockElements == 256;
        s.nEmbd = kQuant ? 256 : (gguf::traits(s.weightType).blockElements == 32 ? 64 : 48);
        s.nFf = kQuant ? 256 : 96;
        s.nHead = nHead;
        s.nHeadKv = nHeadKv;
        s.headDim = headDim;
        if (headDim && s.weightType == TensorType::BF16) s.nEmbd = 48;
        s.tiedOutput = tied;
        s.ropeFreqs = ropeFreqs;
        s.ropeFreqBase = arch == "llama" ? 10000.f : 1e6f;
        s.seed = static_cast<uint64_t>(type * 31 + nHead);
        const double worst = worstDifference(s);
        QVERIFY2(worst < 2e-3, qPrintable(QString("max logit difference %1").arg(worst)));
    }

    // Phi-3.5's LongRoPE within the original context: short factors and a magnitude factor.
    void phi3LongRope() {
        SyntheticModelSpec s;
        s.architecture = "phi3";
        s.longRopeAttnFactor = 1.19f;
        s.contextLength = 64;
        const double worst = worstDifference(s);
        QVERIFY2(worst < 2e-3, qPrintable(QString("max logit difference %1").arg(worst)));
    }

    // Sliding windows shorter than the prompt, soft-capping, post-norms, GeGLU and per-layer RoPE
    // bases, with head sizes 64/128/256 and several GQA ratios.
    void windowedArchitectures_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("nLayer");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("window");
        QTest::addColumn<float>("softCap"); // gemma2: attention cap; the logit cap is 2.5 × it
        QTest::newRow("gemma2 f32 hd64 gqa2 window 5 caps")
            << "gemma2" << int(TensorType::F32) << 2 << 4 << 2 << 64 << 5 << 2.f;
        QTest::newRow("gemma2 q8_0 hd128 gqa4 window 7 default caps")
            << "gemma2" << int(TensorType::Q8_0) << 3 << 4 << 1 << 128 << 7 << 0.f;
        QTest::newRow("gemma3 f16 hd256 gqa2 window 6")
            << "gemma3" << int(TensorType::F16) << 6 << 2 << 1 << 256 << 6 << 0.f;
        QTest::newRow("gemma3 q4_0 hd64 gqa4 window 4")
            << "gemma3" << int(TensorType::Q4_0) << 7 << 8 << 2 << 64 << 4 << 0.f;
        QTest::newRow("phi3 f32 hd128 mha window 5")
            << "phi3" << int(TensorType::F32) << 2 << 2 << 2 << 128 << 5 << 0.f;
    }
    void windowedArchitectures() {
        QFETCH(QString, arch);
        QFETCH(int, type);
        QFETCH(int, nLayer);
        QFETCH(int, nHead);
        QFETCH(int, nHeadKv);
        QFETCH(int, headDim);
        QFETCH(int, window);
        QFETCH(float, softCap);
        SyntheticModelSpec s;
        s.architecture = arch.toStdString();
        s.weightType = s.embeddingType = static_cast<TensorType>(type);
        s.nLayer = nLayer;
        s.nHead = nHead;
        s.nHeadKv = nHeadKv;
        s.headDim = headDim;
        s.slidingWindow = window;
        s.attnSoftCap = softCap;
        s.finalSoftCap = 2.5f * softCap;
        s.tiedOutput = arch.startsWith("gemma");
        s.ropeFreqBase = arch == "gemma3" ? 1e6f : 10000.f;
        s.ropeLinearFactor = arch == "gemma3" ? 8.f : 0.f; // global layers only
        s.rmsNormEps = 1e-6f;
        s.seed = static_cast<uint64_t>(type * 7 + headDim);
        const double worst = worstDifference(s, nullptr, kLongPrompt);
        QVERIFY2(worst < 2e-3, qPrintable(QString("max logit difference %1").arg(worst)));
        // The naive side really slides: a model without the window disagrees.
        SyntheticModelSpec unwindowed = s;
        unwindowed.slidingWindow = 1 << 20;
        const double gap = worstDifference(s, &unwindowed, kLongPrompt);
        QVERIFY2(gap > 1e-2, qPrintable(QString("the window changed logits by only %1").arg(gap)));
    }

    // EXAONE 4.0 1.2B: no window, so every layer is global and rotated; tied output, rope_freqs.
    void exaone4WithoutWindow() {
        SyntheticModelSpec s;
        s.architecture = "exaone4";
        s.nLayer = 3;
        s.nHead = 4;
        s.nHeadKv = 1;
        s.headDim = 32;
        s.tiedOutput = true;
        s.ropeFreqs = true;
        s.ropeFreqBase = 1e6f;
        const double worst = worstDifference(s, nullptr, kLongPrompt);
        QVERIFY2(worst < 2e-3, qPrintable(QString("max logit difference %1").arg(worst)));
    }

    // Linear RoPE scaling (rope.scaling.type "linear"): positions divided by the factor.
    void linearRopeScaling() {
        SyntheticModelSpec s;
        s.ropeLinearFactor = 4.f;
        const double worst = worstDifference(s);
        QVERIFY2(worst < 2e-3, qPrintable(QString("max logit difference %1").arg(worst)));
        // The naive side really scales: without the factor the two disagree.
        SyntheticModelSpec unscaled = s;
        unscaled.ropeLinearFactor = 0.f;
        const double gap = worstDifference(s, &unscaled);
        QVERIFY2(gap > 1e-2, qPrintable(QString("scaling changed logits by only %1").arg(gap)));
    }
};

QTEST_GUILESS_MAIN(TestModelForward)
#include "tst_model_forward.moc"
