#ifndef CAREHUB_CLIBPQ_SHIM_H
#define CAREHUB_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
