/* timex.c - placeholder until the time stage lands: metadata or --date only. */
#include "timex.h"

void time_pubdate(dyad_doc *doc, dyad_date option_date)
{
    dyad_date d;
    if (doc->published && dyad_date_parse(doc->published, &d) == 0 && d.day) {
        doc->pubdate = d;
        doc->pubdate_source = DYAD_PUB_METADATA;
    } else if (option_date.year) {
        doc->pubdate = option_date;
        doc->pubdate_source = DYAD_PUB_OPTION;
    }
}

void time_process(dyad_doc *doc)
{
    doc->sent_dates = dyad_grow(doc->sent_dates, &doc->cap_sent_dates, doc->n_sents + 1, sizeof *doc->sent_dates);
    for (uint32_t i = 0; i < doc->n_sents; i++) doc->sent_dates[i] = doc->pubdate;
}
