import Foundation
import FuzzDriver

// libFuzzer parses its own flags (-max_total_time, -dict, corpus folders…) and calls fuzzOne
// once per input until the time is up or something crashes.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) })
