# Packaging with CPack: `cpack -G DEB --config build/CPackConfig.cmake` (after a build) makes a .deb
# with the app, the CLI, the built-in models, the desktop entry (with the document and model MIME
# types), the AppStream metainfo and the icon. tests/package/ checks its Depends against what the
# binaries load and installs it into a minimal Debian 12 root with apt.
set(SOSOIK_LINUX ${CMAKE_CURRENT_LIST_DIR}/linux)
install(FILES ${SOSOIK_LINUX}/io.sosoik.Sosoik.desktop DESTINATION share/applications)
install(FILES ${SOSOIK_LINUX}/io.sosoik.Sosoik.metainfo.xml DESTINATION share/metainfo)
install(FILES ${SOSOIK_LINUX}/sosoik-mime.xml DESTINATION share/mime/packages RENAME sosoik.xml)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sosoik.svg DESTINATION share/icons/hicolor/scalable/apps)

# Built-in models: the Korean demo from the source tree, and SmolLM2 where installer/fetch-models.sh
# put it (the package then carries it; without it the package still works with the demo).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/models/ DESTINATION share/sosoik/models)
if(DEFINED ENV{XDG_DATA_HOME} AND NOT "$ENV{XDG_DATA_HOME}" STREQUAL "")
    set(SOSOIK_USER_MODELS "$ENV{XDG_DATA_HOME}/sosoik/models")
else()
    set(SOSOIK_USER_MODELS "$ENV{HOME}/.local/share/sosoik/models")
endif()
set(SOSOIK_SMOLLM2_GGUF "${SOSOIK_USER_MODELS}/SmolLM2-135M-Instruct.Q4_1.gguf"
    CACHE FILEPATH "SmolLM2-135M-Instruct GGUF the package carries (installer/fetch-models.sh)")
if(EXISTS "${SOSOIK_SMOLLM2_GGUF}")
    get_filename_component(smollm2_dir "${SOSOIK_SMOLLM2_GGUF}" DIRECTORY)
    install(FILES "${SOSOIK_SMOLLM2_GGUF}" "${smollm2_dir}/SmolLM2-135M-Instruct.LICENSE.txt"
            DESTINATION share/sosoik/models)
endif()

set(CPACK_PACKAGE_NAME "sosoik")
set(CPACK_PACKAGE_VENDOR "Sosoik")
set(CPACK_PACKAGE_CONTACT "Sosoik maintainers <maintainers@sosoik.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline desktop AI assistant running GGUF models on Vulkan GPUs")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON) # RelWithDebInfo binaries are 42 + 23 MB with debug info
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
# Linked libraries come from dpkg-shlibdeps; what is loaded at run time without being linked (QML
# modules with their own imports, Qt plugins, fonts) is listed here. tests/package/check_package.py
# derives both from the binaries and the QML and fails when this list misses something.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(SOSOIK_RUNTIME_DEPENDS
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-dialogs qml6-module-qtquick-window
    qml6-module-qt-labs-folderlistmodel qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtqml-models
    qml6-module-qtcore libqt6sql6-sqlite libqt6svg6 fonts-noto-cjk
    # Linked, so dpkg-shlibdeps finds it too; named because the HTML reader depends on its HTML parser.
    libxml2)
list(JOIN SOSOIK_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# lavapipe: a Vulkan device on machines without a GPU driver (the app also falls back to its CPU path).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "mesa-vulkan-drivers")
include(CPack)
