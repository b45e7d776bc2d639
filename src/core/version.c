#include <warrantcheck/warrantcheck.h>

/* WC_VERSION_STRING comes from the project() version in CMakeLists.txt. */
const char *wc_version(void)
{
    return WC_VERSION_STRING;
}
