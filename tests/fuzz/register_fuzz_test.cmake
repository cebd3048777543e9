# Included from tests/CMakeLists.txt: a CTest test that builds and runs the GGUF fuzzer with
# clang in a separate build directory (the main build may use g++). Skipped without libFuzzer.
set(SOSOIK_FUZZ_SECONDS 60 CACHE STRING "How long the fuzz_gguf CTest test fuzzes")
add_test(NAME fuzz_gguf
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_fuzz_test.sh ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/fuzz-build
            ${SOSOIK_FUZZ_SECONDS})
set_tests_properties(fuzz_gguf PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS fuzz)
