// The engine reaches Vulkan: an instance is created and at least one device is listed with
// the limits the kernels are chosen from.
#include "backend/vulkan/instance.h"
#include "sosoik/devices.h"

#include <QTest>

class TestVulkanDevices : public QObject {
    Q_OBJECT
private slots:
    void listsAtLeastOneDeviceWithLimits() {
        std::string why;
        auto devices = sosoik::listDevices(&why);
        QVERIFY2(!devices.empty(), why.c_str());
        for (const auto& d : devices) {
            QVERIFY(!d.name.empty());
            QVERIFY(d.subgroupSize >= 1);
            QVERIFY(d.sharedMemoryBytes >= 16 * 1024); // Vulkan's guaranteed minimum
            QVERIFY(d.maxStorageBufferRange >= (1u << 27) - 1);
        }
        const int preferred = sosoik::preferredDevice(devices);
        QVERIFY(preferred >= 0 && preferred < static_cast<int>(devices.size()));
        QCOMPARE(sosoik::vk::Instance::validationMessageCount(), uint64_t(0));
    }

    void preferenceOrderIsDiscreteFirst() {
        std::vector<sosoik::DeviceInfo> fake(3);
        fake[0].index = 0, fake[0].type = "cpu";
        fake[1].index = 1, fake[1].type = "integrated";
        fake[2].index = 2, fake[2].type = "discrete";
        QCOMPARE(sosoik::preferredDevice(fake), 2);
        fake.pop_back();
        QCOMPARE(sosoik::preferredDevice(fake), 1);
        QCOMPARE(sosoik::preferredDevice({}), -1);
    }
};

QTEST_GUILESS_MAIN(TestVulkanDevices)
#include "tst_vulkan_devices.moc"
