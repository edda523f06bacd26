/* quotes.c - placeholder until the quotations stage lands. */
#include "quotes.h"

void quotes_process(dyad_doc *doc) { (void)doc; }
