// CXMLShim: the only code in this package that includes libxml2's headers.
//
// Its interface uses plain C types, so Swift modules never import libxml2 (no clash between
// libxml2's ICU headers and Foundation's, no global function pointers such as xmlFree). Every
// string handed to a callback is valid only for the duration of that callback: Swift copies
// what it needs at once, and the parser, its dictionary and its document are freed before
// amqx_parse returns.
#ifndef CXMLSHIM_H
#define CXMLSHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One attribute as libxml2 reports it: names and namespace URI are NUL-terminated,
/// the value is the byte range [value_begin, value_end) of the entity-expanded value.
typedef struct amqx_attribute {
    const char *local_name;
    const char *prefix;       // NULL when unprefixed
    const char *uri;          // NULL when in no namespace
    const char *value_begin;
    const char *value_end;
} amqx_attribute;

/// Called for each element start tag libxml2 parses, in document order.
/// `attributes` holds the attributes written in the tag (attributes defaulted from a DTD are
/// not included; `defaulted_count` says how many there were). Return non-zero to stop parsing.
typedef int (*amqx_start_element_fn)(void *context,
                                     const char *local_name,
                                     const char *prefix,
                                     const char *uri,
                                     int namespace_count,
                                     const amqx_attribute *attributes,
                                     int attribute_count,
                                     int defaulted_count);

/// Called for each diagnostic libxml2 raises for this parse (never for another parse).
/// `level`: 1 warning, 2 error, 3 fatal error. `line`/`column` are 1-based, 0 when unknown.
typedef void (*amqx_error_fn)(void *context,
                              int level,
                              int domain,
                              int code,
                              const char *message,
                              int line,
                              int column);

typedef struct amqx_callbacks {
    void *context;
    amqx_start_element_fn start_element;  // may be NULL
    amqx_error_fn error;                  // may be NULL
} amqx_callbacks;

/// Parses `length` bytes with libxml2's SAX2 push parser in fixed-size chunks, with safe options:
/// no network, no entity substitution, no DTD loading or validation, no recover mode, no huge
/// mode, big line numbers. No libxml2 tree is built (only the small DTD declarations libxml2
/// needs to check entity references).
///
/// Returns 0 when libxml2 accepts the document as well-formed, 1 when it rejects it (the
/// reasons went to `error`), 2 when parsing was stopped by a callback, -1 when memory ran out.
int amqx_parse(const unsigned char *bytes, size_t length, const char *filename,
               const amqx_callbacks *callbacks);

/// Transcodes bytes from the named encoding to UTF-8 with libxml2's own converters (the ones
/// it used to parse the document). Returns a buffer to release with amqx_free, or NULL when the
/// encoding is unknown or the bytes do not convert. `*out_length` receives the length.
unsigned char *amqx_transcode_to_utf8(const char *encoding, const unsigned char *bytes,
                                      size_t length, size_t *out_length);

/// Called for each schema-validation diagnostic. `level`: 1 warning, 2 error, 3 fatal.
typedef void (*amqx_schema_error_fn)(void *context, int level, const char *message, int line, int column);

/// Validates, against the XSD at `schema_path`, every element named `local_name` in namespace
/// `namespace_uri` (each on its own, so a wrapper such as Spring's <beans> is not validated).
/// The document is parsed with the same safe options as amqx_parse (it must be well-formed).
/// Returns the number of elements validated (0 or more) and reports every schema error through
/// `error`; -1 when the schema cannot be loaded, -2 when the document does not parse (reasons
/// through `error` too), -3 when memory runs out.
int amqx_validate(const unsigned char *bytes, size_t length, const char *filename, const char *schema_path,
                  const char *namespace_uri, const char *local_name, amqx_schema_error_fn error, void *context);

/// Releases memory returned by this shim.
void amqx_free(void *pointer);

/// The version of the libxml2 library this process runs with, e.g. "2.9.14".
const char *amqx_libxml2_version(void);

#ifdef __cplusplus
}
#endif

#endif
