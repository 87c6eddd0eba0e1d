// Only CXMLShim (C) includes libxml2's headers; Swift code never imports this module directly.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
