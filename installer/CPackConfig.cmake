# Packaging with CPack: `cpack --config build/CPackConfig.cmake` (after a build) makes a .deb
# (and a .tar.gz) with the app, the CLI, the desktop entry and the icon.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/io.sosoik.Sosoik.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sosoik.svg
        DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME "sosoik")
set(CPACK_PACKAGE_VENDOR "Sosoik")
set(CPACK_PACKAGE_CONTACT "Sosoik maintainers <maintainers@sosoik.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline desktop AI assistant running GGUF models on Vulkan GPUs")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-dialogs, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qtqml-models, qml6-module-qtcore, libqt6sql6-sqlite, mesa-vulkan-drivers | vulkan-icd, fonts-noto-cjk")
include(CPack)
