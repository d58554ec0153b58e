# qwenswarm_common: the one place that sets the language standard, warnings and strict Qt flags.
# Every target of the project links it PRIVATE; nothing is set globally.
add_library(qwenswarm_common INTERFACE)
target_compile_features(qwenswarm_common INTERFACE cxx_std_20)
target_compile_options(qwenswarm_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Wcast-qual
    -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
target_compile_definitions(qwenswarm_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QWENSWARM_VERSION="${PROJECT_VERSION}")

# qwenswarm_add_library(name DIR dir SOURCES ...): a layer library whose only exported include root is DIR.
function(qwenswarm_add_library name)
    cmake_parse_arguments(ARG "" "INCLUDE_ROOT" "SOURCES" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${ARG_INCLUDE_ROOT})
    target_link_libraries(${name} PRIVATE qwenswarm_common)
    set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
