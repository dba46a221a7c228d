#ifndef CAREHUB_CARGON2_SHIM_H
#define CAREHUB_CARGON2_SHIM_H
#include <argon2.h>
#endif
