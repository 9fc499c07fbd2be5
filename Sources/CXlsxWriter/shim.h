// libxlsxwriter from Debian's libxlsxwriter-dev (see .ci/run).
#include <xlsxwriter.h>
