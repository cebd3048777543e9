// DeviceSelection (argmax.comp, topk.comp passes, gather_logits.comp) against the CPU's
// selectCandidates() on awkward vocabulary sizes: smaller than the request, one tile, a tile
// plus one, and vocabularies that need two and three top-k passes; coarse logits with many
// exact ties, infinities and negative values. The device must return bit-identical candidates.
#include "vk_test_util.h"

#include "backend/vulkan/device_selection.h"
#include "backend/vulkan/instance.h"

#include <QTest>
#include <limits>

using namespace sosoik;
using namespace sosoik::vktest;

class TestVulkanSelection : public QObject {
    Q_OBJECT
    std::shared_ptr<vk::Context> ctx;
    std::unique_ptr<vk::Kernels> kernels;
    std::unique_ptr<vk::Kernels> smallTiles; // 256-entry tiles: many passes, as on 2 KiB of shared memory

    std::vector<float> coarseLogits(int n, uint32_t seed) {
        std::mt19937 rng(seed);
        std::normal_distribution<float> d(0.f, 4.f);
        std::vector<float> l(n);
        for (auto& x : l)
            x = std::round(d(rng) * 2) / 2; // few distinct values: ties everywhere
        l[n / 2] = -std::numeric_limits<float>::infinity();
        if (n > 3) l[n - 1] = 30.f, l[1] = 30.f; // a tie at the top: the lower id comes first
        return l;
    }

private slots:
    void initTestCase() {
        ctx = vk::Context::create();
        kernels = std::make_unique<vk::Kernels>(*ctx);
        vk::KernelOptions small;
        small.topkTile = 2 * vk::Kernels::topkKeep();
        smallTiles = std::make_unique<vk::Kernels>(*ctx, small);
        qInfo("top-k tile: %u entries, keep %u", kernels->topkTile(), vk::Kernels::topkKeep());
    }
    void cleanupTestCase() {
        kernels.reset();
        smallTiles.reset();
        ctx.reset();
        QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0));
    }

    void topKMatchesTheCpu_data() {
        QTest::addColumn<int>("vocab");
        QTest::addColumn<int>("topK");
        QTest::addColumn<bool>("small");
        QTest::newRow("vocab 1") << 1 << 40 << false;
        QTest::newRow("vocab 5 < top-k") << 5 << 40 << false;
        QTest::newRow("vocab 300") << 300 << 104 << false;
        const int tile = int(kernels->topkTile());
        QTest::newRow("one tile") << tile << 128 << false;
        QTest::newRow("one tile + 1") << tile + 1 << 64 << false;
        QTest::newRow("32000 (two passes)") << 32000 << 40 << false;
        QTest::newRow("128256") << 128256 << 104 << false;
        QTest::newRow("three passes") << tile * tile / 128 + 7 << 128 << false;
        QTest::newRow("256-entry tiles, 32000 (eight passes)") << 32000 << 128 << true;
        QTest::newRow("256-entry tiles, vocab 300") << 300 << 40 << true;
    }
    void topKMatchesTheCpu() {
        QFETCH(int, vocab);
        QFETCH(int, topK);
        QFETCH(bool, small);
        const auto logits = coarseLogits(vocab, uint32_t(vocab));
        CandidateRequest r;
        r.topK = topK;
        r.extraIds = {0, vocab - 1, vocab / 2, vocab + 5 /* outside: dropped */, vocab / 3};
        vk::DeviceSelection select(*ctx, small ? *smallTiles : *kernels, uint32_t(vocab));
        QVERIFY(select.supports(r));
        ctx->write(select.logitsBuffer(), 0, logits.data(), logits.size() * 4);
        select.prepare(r);
        runOnce(*ctx, [&](VkCommandBuffer cb) { select.recordTopK(cb); });
        const Candidates got = select.topKResult(r), want = selectCandidates(logits, r);
        QCOMPARE(got.ids, want.ids);
        QCOMPARE(got.logits.size(), want.logits.size());
        for (size_t i = 0; i < want.logits.size(); ++i)
            QCOMPARE(got.logits[i], want.logits[i]);
        QCOMPARE(got.extraIds, want.extraIds);
        QCOMPARE(got.extraLogits, want.extraLogits);
    }

    void argmaxMatchesTheCpu() {
        for (int vocab : {1, 7, 32000}) {
            const auto logits = coarseLogits(vocab, 3);
            vk::DeviceSelection select(*ctx, *kernels, uint32_t(vocab));
            ctx->write(select.logitsBuffer(), 0, logits.data(), logits.size() * 4);
            CandidateRequest r;
            r.topK = 1;
            QVERIFY(vk::DeviceSelection::isGreedy(r));
            select.prepare(r);
            runOnce(*ctx, [&](VkCommandBuffer cb) { select.recordArgmax(cb); });
            const Candidates got = select.argmaxResult();
            QCOMPARE(got.ids, std::vector<int32_t>{argmax(logits)});
            QCOMPARE(got.logits.front(), logits[argmax(logits)]);
        }
    }

    void requestsBeyondTheDeviceLimitAreDeclined() {
        vk::DeviceSelection select(*ctx, *kernels, 1000);
        CandidateRequest r;
        r.topK = int(vk::Kernels::topkKeep()) + 1;
        QVERIFY(!select.supports(r));
        r.topK = 0;
        QVERIFY(!select.supports(r));
        r.topK = 10;
        r.extraIds.assign(vk::DeviceSelection::kMaxExtraIds + 1, 3);
        QVERIFY(!select.supports(r));
    }
};

QTEST_GUILESS_MAIN(TestVulkanSelection)
#include "tst_vulkan_selection.moc"
