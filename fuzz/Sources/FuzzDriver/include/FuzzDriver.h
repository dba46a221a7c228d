#ifndef CAREHUB_FUZZ_DRIVER_H
#define CAREHUB_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (libclang_rt.fuzzer, linked by -sanitize=fuzzer). SwiftPM gives every
// executable its own `main`, so libFuzzer's `main` is never linked; each target's main.swift
// hands its arguments and its test function to this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

#endif
