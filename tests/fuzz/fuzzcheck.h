#pragma once
// A property a fuzz target checks on every input: when it does not hold, the process aborts, which
// libFuzzer records as a crash with the input that caused it (and the replay test fails).

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: property does not hold: %s\n", __FILE__, __LINE__, #condition);               \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
