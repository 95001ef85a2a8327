#ifndef ROTA_CGLPK_SHIM_H
#define ROTA_CGLPK_SHIM_H
#include <glpk.h>
#endif
