# Included from tests/CMakeLists.txt: a CTest test that builds and runs the GGUF fuzzer with
# clang in a separate build directory (the main build may use g++). Skipped without libFuzzer.
set(SOSOIK_FUZZ_SECONDS 30 CACHE STRING "How long the fuzz_gguf CTest test fuzzes")
add_test(NAME fuzz_gguf
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzz_test.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz-build
            ${SOSOIK_FUZZ_SECONDS})
set_tests_properties(fuzz_gguf PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS fuzz RESOURCE_LOCK sosoik_fuzz_build)

# The document path (issue #19), each from its committed corpus (tests/fuzz/corpus/<target>), for a bounded
# time: 4 x SOSOIK_DOCUMENT_FUZZ_SECONDS beside fuzz_gguf keeps CI (30 minutes on 2 cores) within budget;
# most of the cost is the sanitized build, shared by all five through one clang build directory (hence the
# lock; each test builds only its own target).
set(SOSOIK_DOCUMENT_FUZZ_SECONDS 20 CACHE STRING "How long each document-path fuzz test fuzzes")
foreach(target fuzz_text_decoder fuzz_html fuzz_zip_xml fuzz_import)
    add_test(NAME ${target}
        COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzz_test.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz-build
                ${SOSOIK_DOCUMENT_FUZZ_SECONDS} ${target})
    set_tests_properties(${target} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS fuzz
                         RESOURCE_LOCK sosoik_fuzz_build)
endforeach()
