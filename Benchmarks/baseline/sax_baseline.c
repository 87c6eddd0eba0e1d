/* The baseline: nothing but a bare libxml2 SAX2 push parse of a file's bytes, with the same
 * options and chunk size the tool uses. Prints {"seconds": …, "maxrss_kb": …}. */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static void on_start(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn,
                     const xmlChar **ns, int na, int nd, const xmlChar **a) {
    (void)ctx; (void)l; (void)p; (void)u; (void)nn; (void)ns; (void)na; (void)nd; (void)a;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax_baseline FILE\n"); return 2; }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)size);
    if (fread(bytes, 1, (size_t)size, f) != (size_t)size) { perror("read"); return 2; }
    fclose(f);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAXVersion(&sax, 2);
    sax.startElementNs = on_start;
    sax.endElementNs = NULL; sax.characters = NULL; sax.ignorableWhitespace = NULL;
    sax.comment = NULL; sax.cdataBlock = NULL; sax.processingInstruction = NULL;
    sax.startElement = NULL; sax.endElement = NULL;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, bytes, 4, argv[1]);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    long offset = 4;
    while (offset < size) {
        long n = size - offset > 65536 ? 65536 : size - offset;
        xmlParseChunk(ctxt, bytes + offset, (int)n, 0);
        offset += n;
    }
    xmlParseChunk(ctxt, NULL, 0, 1);
    int ok = ctxt->wellFormed;
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
    free(bytes);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("{\"seconds\": %.6f, \"maxrss_kb\": %ld, \"well_formed\": %d}\n",
           (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, usage.ru_maxrss, ok);
    return ok ? 0 : 1;
}
