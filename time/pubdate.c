/*
 * pubdate.c - time_pubdate: the publication date from the best source
 * there is, in this order:
 *
 *   1. metadata   doc->published, in any form metadata.c reads; a value it
 *                 cannot read gets a diag naming it and is passed over
 *   2. option     --date, for inputs that carry no date
 *   3. dateline   "WASHINGTON, July 12, 2018 (Dyad Wire) -"; a dateline
 *                 without a year ("SEOUL, Oct. 29 (Reuters) -") takes its
 *                 year from the inference below
 *   4. inferred   infer.c, flagged DYAD_PUB_INFERRED, with the evidence, and
 *                 a diag, because it is a guess
 * Otherwise the date stays unknown (year 0) with a diag: relative dates
 * then stay unresolved rather than being read against today's date, which
 * would silently misdate every archived story.
 */
#include "tx.h"

#include <stdio.h>

const char *time_kind_name(int kind)
{
    static const char *const n[] = {"?", "DATE", "TIME", "DURATION", "SET"};
    return kind >= 1 && kind <= 4 ? n[kind] : n[0];
}

const char *time_source_name(int source)
{
    static const char *const n[] = {"none", "metadata", "option", "dateline", "inferred"};
    return source >= 0 && source <= 4 ? n[source] : n[0];
}

const char *time_flag_name(int bit)
{
    static const char *const n[] = {"future", "relative", "anchored", "unresolved",
                                    "governs", "subordinate", "attributive", "dateline"};
    return bit >= 0 && bit < (int)(sizeof n / sizeof *n) ? n[bit] : NULL;
}

void time_pubdate(dyad_doc *doc, dyad_date option_date)
{
    doc->pubdate = tx_date(0, 0, 0);
    doc->pubdate_source = DYAD_PUB_NONE;
    doc->pubdate_evidence = NULL;

    if (doc->published && *doc->published) {
        dyad_date d;
        if (tx_parse_published(doc->published, &d) == 0) {
            doc->pubdate = d;
            doc->pubdate_source = DYAD_PUB_METADATA;
            doc->pubdate_evidence = doc->published;
            return;
        }
        dyad_doc_diag(doc, 0, "published value \"%.80s\" is not a date dyad can read; ignored", doc->published);
    }

    if (option_date.year) {
        doc->pubdate = option_date;
        doc->pubdate_source = DYAD_PUB_OPTION;
        doc->pubdate_evidence = "--date";
        return;
    }

    dyad_date md = {0, 0, 0};
    uint32_t off, len;
    if (tx_dateline(doc, &md, &off, &len) && md.year) {
        if (dyad_date_valid(md)) {
            doc->pubdate = md;
            doc->pubdate_source = DYAD_PUB_DATELINE;
            doc->pubdate_evidence = dyad_arena_strndup(doc->arena, doc->text + off, len);
            return;
        }
        md = tx_date(0, 0, 0);
    }

    if (tx_infer(doc, md)) {
        char s[11];
        dyad_date_format(doc->pubdate, s);
        dyad_doc_diag(doc, 0, "no publication date given: inferred %s from the text (%.300s)", s,
                      doc->pubdate_evidence);
        return;
    }
    if (md.month)
        dyad_doc_diag(doc, 0, "the dateline gives no year and nothing in the text dates the story: "
                              "publication date unknown; relative dates stay unresolved (use --date)");
    else
        dyad_doc_diag(doc, 0, "no publication date: no metadata, --date, dateline or dated evidence in "
                              "the text; relative dates stay unresolved (use --date)");
}
