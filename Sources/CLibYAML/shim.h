#ifndef CCHC_LIBYAML_SHIM_H
#define CCHC_LIBYAML_SHIM_H
#include <yaml.h>
#endif
