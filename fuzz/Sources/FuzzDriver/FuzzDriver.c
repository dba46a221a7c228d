// Declarations only (include/FuzzDriver.h); SwiftPM needs one source file in a C target.
#include "FuzzDriver.h"
