// See include/CXMLShim.h. Checked against libxml2 2.9.14 (Debian bookworm) and newer.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <libxml/globals.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "CXMLShim.h"

#define AMQX_CHUNK 65536
#define AMQX_MAX_ATTRIBUTES_ON_STACK 32

typedef struct amqx_state {
    const amqx_callbacks *callbacks;
    xmlParserCtxtPtr ctxt;
    int stopped;
} amqx_state;

static pthread_once_t amqx_init_once = PTHREAD_ONCE_INIT;

static void amqx_init(void) { xmlInitParser(); }

static void amqx_silent(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

#if LIBXML_VERSION >= 21200
static void amqx_on_error(void *user, const xmlError *error)
#else
static void amqx_on_error(void *user, xmlErrorPtr error)
#endif
{
    // libxml2's own SAX2 handlers need userData to be the parser context, so this parse's
    // state hangs on the context's _private field.
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)user;
    amqx_state *state = ctxt != NULL ? (amqx_state *)ctxt->_private : NULL;
    if (state == NULL || error == NULL || state->callbacks->error == NULL) return;
    state->callbacks->error(state->callbacks->context, (int)error->level, error->domain,
                            error->code, error->message, error->line, error->int2);
}

static void amqx_on_start(void *user, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)namespaces;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)user;
    amqx_state *state = ctxt != NULL ? (amqx_state *)ctxt->_private : NULL;
    if (state == NULL || state->stopped || state->callbacks->start_element == NULL) return;
    int written = nb_attributes - nb_defaulted;
    if (written < 0) written = 0;
    amqx_attribute stack_attributes[AMQX_MAX_ATTRIBUTES_ON_STACK];
    amqx_attribute *list = stack_attributes;
    if (written > AMQX_MAX_ATTRIBUTES_ON_STACK) {
        list = (amqx_attribute *)malloc(sizeof(amqx_attribute) * (size_t)written);
        if (list == NULL) {
            state->stopped = 1;
            xmlStopParser(state->ctxt);
            return;
        }
    }
    for (int i = 0; i < written; i++) {
        list[i].local_name = (const char *)attributes[5 * i];
        list[i].prefix = (const char *)attributes[5 * i + 1];
        list[i].uri = (const char *)attributes[5 * i + 2];
        list[i].value_begin = (const char *)attributes[5 * i + 3];
        list[i].value_end = (const char *)attributes[5 * i + 4];
    }
    int stop = state->callbacks->start_element(state->callbacks->context, (const char *)localname,
                                               (const char *)prefix, (const char *)uri,
                                               nb_namespaces, list, written, nb_defaulted);
    if (list != stack_attributes) free(list);
    if (stop) {
        state->stopped = 1;
        xmlStopParser(state->ctxt);
    }
}

int amqx_parse(const unsigned char *bytes, size_t length, const char *filename,
               const amqx_callbacks *callbacks) {
    pthread_once(&amqx_init_once, amqx_init);

    // Errors raised without a parser context would otherwise go to this thread's generic
    // handler (stderr by default): silence them for the duration of the parse, then restore.
    xmlGenericErrorFunc saved_generic = xmlGenericError;
    void *saved_generic_context = xmlGenericErrorContext;
    xmlStructuredErrorFunc saved_structured = xmlStructuredError;
    void *saved_structured_context = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, amqx_silent);
    xmlSetStructuredErrorFunc(NULL, NULL);

    xmlSAXHandler sax;
    memset(&sax, 0, sizeof(sax));
    xmlSAXVersion(&sax, 2);  // libxml2's own handlers: document, DTD and entity declarations
    // No content events: no tree is built. Only start tags come back to the caller.
    sax.startElementNs = amqx_on_start;
    sax.endElementNs = NULL;
    sax.startElement = NULL;
    sax.endElement = NULL;
    sax.characters = NULL;
    sax.ignorableWhitespace = NULL;
    sax.cdataBlock = NULL;
    sax.comment = NULL;
    sax.processingInstruction = NULL;
    sax.reference = NULL;
    // Never load an external subset or resolve an external entity.
    sax.externalSubset = NULL;
    sax.resolveEntity = NULL;
    // Diagnostics go to this parse's own structured handler only.
    sax.warning = NULL;
    sax.error = NULL;
    sax.fatalError = NULL;
    sax.serror = amqx_on_error;

    amqx_state state;
    state.callbacks = callbacks;
    state.ctxt = NULL;
    state.stopped = 0;

    size_t first = length < 4 ? length : 4;
    xmlParserCtxtPtr ctxt =
        xmlCreatePushParserCtxt(&sax, NULL, (const char *)bytes, (int)first, filename);
    int result;
    if (ctxt == NULL) {
        result = -1;
    } else {
        state.ctxt = ctxt;
        ctxt->_private = &state;
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
        ctxt->replaceEntities = 0;
        ctxt->loadsubset = 0;
        ctxt->validate = 0;
        size_t offset = first;
        int status = 0;
        while (offset < length && status == 0 && !state.stopped && !ctxt->disableSAX) {
            size_t size = length - offset;
            if (size > AMQX_CHUNK) size = AMQX_CHUNK;
            status = xmlParseChunk(ctxt, (const char *)bytes + offset, (int)size, 0);
            offset += size;
        }
        if (status == 0 && !state.stopped && !ctxt->disableSAX) {
            status = xmlParseChunk(ctxt, NULL, 0, 1);
        }
        if (state.stopped) {
            result = 2;
        } else if (status != 0 || !ctxt->wellFormed) {
            result = 1;
        } else {
            result = 0;
        }
        if (ctxt->myDoc != NULL) {
            xmlFreeDoc(ctxt->myDoc);
            ctxt->myDoc = NULL;
        }
        xmlFreeParserCtxt(ctxt);
    }

    xmlSetGenericErrorFunc(saved_generic_context, saved_generic);
    xmlSetStructuredErrorFunc(saved_structured_context, saved_structured);
    return result;
}

unsigned char *amqx_transcode_to_utf8(const char *encoding, const unsigned char *bytes,
                                      size_t length, size_t *out_length) {
    pthread_once(&amqx_init_once, amqx_init);
    if (out_length != NULL) *out_length = 0;
    if (encoding == NULL || length > 0x7fffffff) return NULL;
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
    if (handler == NULL) return NULL;
    xmlBufferPtr in = xmlBufferCreate();
    xmlBufferPtr out = xmlBufferCreate();
    unsigned char *result = NULL;
    if (in != NULL && out != NULL && xmlBufferAdd(in, bytes, (int)length) == 0) {
        int status = 0;
        while (xmlBufferLength(in) > 0 && status >= 0) {
            int before = xmlBufferLength(in);
            status = xmlCharEncInFunc(handler, out, in);
            if (xmlBufferLength(in) == before) break;
        }
        if (status >= 0 && xmlBufferLength(in) == 0) {
            size_t n = (size_t)xmlBufferLength(out);
            result = (unsigned char *)malloc(n + 1);
            if (result != NULL) {
                if (n > 0) memcpy(result, xmlBufferContent(out), n);
                result[n] = 0;
                if (out_length != NULL) *out_length = n;
            }
        }
    }
    if (in != NULL) xmlBufferFree(in);
    if (out != NULL) xmlBufferFree(out);
    xmlCharEncCloseFunc(handler);
    return result;
}

void amqx_free(void *pointer) { free(pointer); }

const char *amqx_libxml2_version(void) { return LIBXML_DOTTED_VERSION; }

typedef struct amqx_schema_state {
    amqx_schema_error_fn error;
    void *context;
} amqx_schema_state;

#if LIBXML_VERSION >= 21200
static void amqx_on_schema_error(void *user, const xmlError *error)
#else
static void amqx_on_schema_error(void *user, xmlErrorPtr error)
#endif
{
    amqx_schema_state *state = (amqx_schema_state *)user;
    if (state == NULL || error == NULL || state->error == NULL) return;
    int line = error->line;
    if (error->node != NULL && ((xmlNodePtr)error->node)->type == XML_ELEMENT_NODE) {
        long node_line = xmlGetLineNo((xmlNodePtr)error->node);
        if (node_line > 0) line = (int)node_line;
    }
    state->error(state->context, (int)error->level, error->message, line, error->int2);
}

static int amqx_validate_tree(xmlSchemaValidCtxtPtr valid, xmlNodePtr node, const char *namespace_uri,
                              const char *local_name) {
    // Iterative pre-order walk: no recursion per level.
    int count = 0;
    xmlNodePtr current = node;
    while (current != NULL) {
        int descend = 1;
        if (current->type == XML_ELEMENT_NODE && current->ns != NULL &&
            xmlStrEqual(current->ns->href, (const xmlChar *)namespace_uri) &&
            xmlStrEqual(current->name, (const xmlChar *)local_name)) {
            xmlSchemaValidateOneElement(valid, current);
            count++;
            descend = 0;
        }
        if (descend && current->children != NULL && current->type == XML_ELEMENT_NODE) {
            current = current->children;
            continue;
        }
        while (current != NULL && current->next == NULL) {
            current = current->parent;
            if (current == node || current == NULL || current->type == XML_DOCUMENT_NODE) return count;
        }
        if (current != NULL) current = current->next;
    }
    return count;
}

int amqx_validate(const unsigned char *bytes, size_t length, const char *filename, const char *schema_path,
                  const char *namespace_uri, const char *local_name, amqx_schema_error_fn error, void *context) {
    pthread_once(&amqx_init_once, amqx_init);
    amqx_schema_state state = {error, context};
    xmlGenericErrorFunc saved_generic = xmlGenericError;
    void *saved_generic_context = xmlGenericErrorContext;
    xmlStructuredErrorFunc saved_structured = xmlStructuredError;
    void *saved_structured_context = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, amqx_silent);
    xmlSetStructuredErrorFunc(&state, amqx_on_schema_error);

    int result = -3;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(schema_path);
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr valid = NULL;
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = NULL;
    if (parser == NULL) goto done;
    xmlSchemaSetParserStructuredErrors(parser, amqx_on_schema_error, &state);
    schema = xmlSchemaParse(parser);
    if (schema == NULL) { result = -1; goto done; }
    valid = xmlSchemaNewValidCtxt(schema);
    if (valid == NULL) goto done;
    xmlSchemaSetValidStructuredErrors(valid, amqx_on_schema_error, &state);
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) goto done;
    if (length > 0x7fffffff) { result = -2; goto done; }
    doc = xmlCtxtReadMemory(ctxt, (const char *)bytes, (int)length, filename, NULL,
                            XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (doc == NULL || !ctxt->wellFormed) { result = -2; goto done; }
    result = amqx_validate_tree(valid, xmlDocGetRootElement(doc), namespace_uri, local_name);

done:
    if (doc != NULL) xmlFreeDoc(doc);
    if (ctxt != NULL) xmlFreeParserCtxt(ctxt);
    if (valid != NULL) xmlSchemaFreeValidCtxt(valid);
    if (schema != NULL) xmlSchemaFree(schema);
    if (parser != NULL) xmlSchemaFreeParserCtxt(parser);
    xmlSetGenericErrorFunc(saved_generic_context, saved_generic);
    xmlSetStructuredErrorFunc(saved_structured_context, saved_structured);
    return result;
}
