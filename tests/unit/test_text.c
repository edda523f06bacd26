/*
 * test_text.c - the text stage: normalisation, paragraphs, debris, tokens
 * and sentences, on wire-style text written for these tests and on the two
 * real articles in ../shared/examples.
 */
#include "../check.h"
#include "dyad.h"
#include "../../ingest/ingest.h"

static dyad_doc *doc;

static void process(const char *title, const char *body)
{
    dyad_doc_reset(doc);
    doc->title = title;
    dyad_doc_set_raw(doc, body, strlen(body));
    dyad_text_process(doc);
}

/* Does sentence i read exactly `want`? */
static int sent_is(uint32_t i, const char *want)
{
    if (i >= doc->n_sents) return 0;
    return doc->sents[i].len == strlen(want) && !memcmp(doc->text + doc->sents[i].off, want, strlen(want));
}

#define CHECK_SENT(i, want) do { if (!sent_is(i, want)) CHECK_NOTE("%s:%d: sentence %d is \"%.*s\", expected \"%s\"", \
    __FILE__, __LINE__, (int)(i), (int)((i) < doc->n_sents ? doc->sents[i].len : 0), \
    (i) < doc->n_sents ? doc->text + doc->sents[i].off : "", want); } while (0)

static void test_abbreviations_do_not_split(void)
{
    process(NULL,
        "WASHINGTON, March 3 (Dyad Wire) - U.S. Secretary of State Antony Blinken met Sen. Jim Risch "
        "and Lt. Col. Ann Park at 10 a.m. on Jan. 20 at the State Department. Gen. Mark Milley "
        "was not there. Mr. Blinken said the No. 2 official would travel to the U.K. next week.");
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(1, "Gen. Mark Milley was not there.");
    CHECK_SENT(2, "Mr. Blinken said the No. 2 official would travel to the U.K. next week.");
}

static void test_abbreviation_can_end_a_sentence(void)
{
    process(NULL, "The aid was pledged by the U.S. The money will arrive in June. "
                  "Shares of Acme Inc. rose 3.5 percent to $1,250.75 on Tuesday.");
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(0, "The aid was pledged by the U.S.");
    CHECK_SENT(2, "Shares of Acme Inc. rose 3.5 percent to $1,250.75 on Tuesday.");
}

static void test_initials_and_decimals(void)
{
    process(NULL, "John F. Kennedy visited Berlin in 1963. Growth slowed to 2.4 percent, "
                  "officials said. The vote was 9-6.");
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(0, "John F. Kennedy visited Berlin in 1963.");
}

static void test_quotes_end_or_continue_sentences(void)
{
    process(NULL,
        "\xE2\x80\x9CI like him,\xE2\x80\x9D Trump said. \xE2\x80\x9C" "And then we fell in love.\xE2\x80\x9D "
        "The crowd cheered. \xE2\x80\x9C" "Are we at war?\xE2\x80\x9D he asked reporters. "
        "\"We will respond,\" the ministry said.");
    CHECK_INT(doc->n_sents, 5);
    CHECK_SENT(0, "\xE2\x80\x9CI like him,\xE2\x80\x9D Trump said.");
    CHECK_SENT(1, "\xE2\x80\x9C" "And then we fell in love.\xE2\x80\x9D");
    CHECK_SENT(2, "The crowd cheered.");
    CHECK_SENT(3, "\xE2\x80\x9C" "Are we at war?\xE2\x80\x9D he asked reporters.");
    CHECK_SENT(4, "\"We will respond,\" the ministry said.");
}

static void test_brackets_and_dashes(void)
{
    process(NULL, "The talks (held in Geneva.) ended early. Officials - speaking on condition of "
                  "anonymity \xE2\x80\x94 said little. Nothing else was agreed.");
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(0, "The talks (held in Geneva.) ended early.");
}

static void test_ellipsis(void)
{
    process(NULL, "I know him very well\xE2\x80\xA6 we just could not agree on timing. "
                  "He likes me. \xE2\x80\xA6 And then it was over.");
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(2, "\xE2\x80\xA6 And then it was over.");
}

static void test_lists_and_paragraphs(void)
{
    process(NULL, "The agreement covers three areas:\n\n- prisoner exchanges\n- grain exports\n"
                  "- a ceasefire at sea\n\nBoth sides signed it.");
    CHECK_INT(doc->n_paras, 5);
    CHECK_INT(doc->n_sents, 5);
    CHECK(doc->paras[1].flags & DYAD_PARA_LIST);
    CHECK_SENT(4, "Both sides signed it.");
}

static void test_hard_wrapped_wire(void)
{
    process(NULL,
        "Iraq said its forces had repulsed an Iranian attack on the\n"
        "southern front, killing hundreds of attackers, the official\n"
        "news agency reported on Tuesday.\n"
        "    Tehran radio said the offensive was continuing and that\n"
        "Iranian troops had taken two hills near the border town.\n"
        "    Neither claim could be independently confirmed.\n");
    CHECK_INT(doc->n_paras, 3);
    CHECK_INT(doc->n_sents, 3);
    CHECK_SENT(0, "Iraq said its forces had repulsed an Iranian attack on the southern front, "
                  "killing hundreds of attackers, the official news agency reported on Tuesday.");
}

static void test_tokens_keep_what_belongs_to_words(void)
{
    process(NULL, "North Korea\xE2\x80\x99s military test-fired missiles at 10:30, U.S. officials "
                  "said; the D.P.R.K. denied it in the \xE2\x80\x99" "90s style of O\xE2\x80\x99" "Brien.");
    const char *want[] = {"North", "Korea", "\xE2\x80\x99s", "military", "test-fired", "missiles", "at",
                          "10:30", ",", "U.S.", "officials", "said", ";", "the", "D.P.R.K.", "denied",
                          "it", "in", "the", "\xE2\x80\x99" "90s", "style", "of", "O\xE2\x80\x99" "Brien", "."};
    CHECK_INT(doc->n_toks, sizeof want / sizeof *want);
    for (uint32_t i = 0; i < doc->n_toks && i < sizeof want / sizeof *want; i++)
        CHECK_SPAN(doc->text + doc->toks[i].off, doc->toks[i].len, want[i]);
    CHECK(doc->toks[2].flags & DYAD_TOK_POSS);
    CHECK(doc->toks[4].flags & DYAD_TOK_HYPHEN);
    CHECK(doc->toks[9].flags & DYAD_TOK_ABBR);
    CHECK(doc->toks[0].flags & DYAD_TOK_CAP);
    CHECK(doc->toks[14].flags & DYAD_TOK_UPPER);
}

static void test_us_and_us(void)
{
    process(NULL, "The US told us nothing.");
    CHECK(doc->toks[1].flags & DYAD_TOK_UPPER);
    CHECK(!(doc->toks[3].flags & DYAD_TOK_UPPER));
    CHECK(doc->toks[1].hash == doc->toks[3].hash);   /* folded alike; case flags tell them apart */
}

static void test_quote_directions(void)
{
    process(NULL, "He called it \"regrettable\" and 'gangster-like', said the leaders' aide.");
    CHECK(doc->toks[3].flags & DYAD_TOK_QOPEN);
    CHECK(doc->toks[5].flags & DYAD_TOK_QCLOSE);
    CHECK(doc->toks[7].flags & DYAD_TOK_QOPEN);
    CHECK(doc->toks[9].flags & DYAD_TOK_QCLOSE);
    CHECK(doc->toks[14].flags & DYAD_TOK_POSS);
}

static void test_invalid_utf8_and_nul(void)
{
    const char body[] = "Seoul said \xFF\xFE talks \0would resume.";
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, body, sizeof body - 1);
    dyad_text_process(doc);
    CHECK_INT(doc->n_diags, 3);
    CHECK_INT(doc->diags[0].offset, 11);
    CHECK(strstr(doc->diags[0].message, "invalid UTF-8"));
    CHECK(strstr(doc->diags[2].message, "NUL"));
    CHECK(strstr(doc->text, "\xEF\xBF\xBD"));
    CHECK(!memchr(doc->text, 0, doc->text_len));
    CHECK_INT(doc->n_sents, 1);
}

static void test_nfc_and_spaces(void)
{
    /* e + combining acute -> é; no-break space -> space; zero-width space gone */
    process(NULL, "The Ely\x73\x65\xCC\x81" "e\xC2\xA0Palace\xE2\x80\x8B said so.");
    CHECK_STR(doc->text, "The Elys\xC3\xA9" "e Palace said so.");
}

static void test_empty_document(void)
{
    process(NULL, "");
    CHECK_INT(doc->n_sents, 0);
    CHECK_INT(doc->text_len, 0);
    process(NULL, "\n\n   \n");
    CHECK_INT(doc->n_paras, 0);
}

static void test_debris_rules(void)
{
    process("Ceasefire holds in Gaza",
        "Ceasefire holds in Gaza\n\n"
        "By Maria Lopez\n\n"
        "4 min read\n\n"
        "GAZA CITY, Jan. 20 (Dyad Wire) \xE2\x80\x94 A ceasefire between Israel and Hamas held for a "
        "second day on Monday, Egyptian mediators said.\n\n"
        "Share this article\n\n"
        "Aid trucks crossed into the territory at dawn, the United Nations said.\n\n"
        "PRICES SOAR AS MARKETS REOPEN AFTER HOLIDAY\n\n"
        "Officials said talks would continue in Cairo.\n\n"
        "Reporting by Maria Lopez; Editing by John Doe\n\n"
        "Read more\n\n"
        "Hostage families plead for news\n\n"
        "Families of those still held gathered outside the parliament as the deadline\xE2\x80\xA6\n\n"
        "5 min read Markets rally on truce hopes\n");
    CHECK_INT(doc->n_paras, 3);
    CHECK(strstr(doc->text, "Aid trucks crossed"));
    CHECK(strstr(doc->text, "talks would continue in Cairo."));
    const char *gone[] = {"By Maria", "min read", "Share this", "PRICES SOAR", "Reporting by",
                          "Read more", "Hostage families", "Markets rally", "Ceasefire holds"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (strstr(doc->text, gone[i])) CHECK_NOTE("debris left in text: %s", gone[i]);
    const char *rules[] = {"title-repeat", "byline", "read-time", "boilerplate", "allcaps-headline",
                           "contributor", "related-block"};
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        int seen = 0;
        for (uint32_t i = 0; i < doc->n_debris; i++) seen |= !strcmp(doc->debris[i].rule, rules[r]);
        if (!seen) CHECK_NOTE("rule %s did not fire", rules[r]);
    }
}

static void test_debris_keeps_story_lines(void)
{
    /* Story sentences that merely mention the trigger words stay. */
    process(NULL,
        "Trump tweeted the signed letter on Thursday.\n\n"
        "Subscribers to the agency's service were told the news first.\n\n"
        "By contrast, Seoul said it was encouraged.\n\n"
        "The minister said the related talks would resume.");
    CHECK_INT(doc->n_paras, 4);
    CHECK_INT(doc->n_debris, 0);
}

static void test_inline_badge_is_cut(void)
{
    process(NULL, "us 5 min(s) read Trump labeled a disgrace over comment about a rally shooting.");
    CHECK_INT(doc->n_debris, 1);
    CHECK(!strstr(doc->text, "min(s) read"));
    CHECK(strstr(doc->text, "Trump labeled a disgrace"));
}

static dyad_doc *load_example(const char *name)
{
    char err[512];
    ingest_source *src = ingest_open(check_shared(name), err, sizeof err);
    if (!src) return NULL;
    dyad_doc_reset(doc);
    int r = ingest_next(src, doc);
    ingest_close(src);
    if (r != 1) return NULL;
    dyad_text_process(doc);
    return doc;
}

static int text_has(const char *s) { return strstr(doc->text, s) != NULL; }

static void test_real_example_000(void)
{
    if (!load_example("examples/000_409f928aa0776bbe.txt")) { CHECK_NOTE("cannot read example 000"); return; }
    CHECK(doc->title && strstr(doc->title, "awkward answer"));
    CHECK(text_has("I think they\xE2\x80\x99" "d like to, and I\xE2\x80\x99" "d like to,\xE2\x80\x9D he said."));
    const char *gone[] = {"Related Posts", "Dolly Parton", "Maxine Waters", "Nuclear Silence Shattered",
                          "min(s) read", "Renee Nicole Good", "BREAKING NEWS", "strip citizenship"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (text_has(gone[i])) CHECK_NOTE("debris left in 000: %s", gone[i]);
    /* The last story sentence ends the text. */
    const dyad_sentence *last = &doc->sents[doc->n_sents - 1];
    CHECK_INT(last->off + last->len, doc->text_len);
    /* "... in love.” ends a sentence; the ellipsis-led one is its own. */
    int found = 0;
    for (uint32_t i = 0; i < doc->n_sents; i++)
        found |= sent_is(i, "\xE2\x80\xA6 And then we fell in love.");
    CHECK(found);
    /* Crossheads are kept but marked as headings, not story sentences. */
    int headings = 0;
    for (uint32_t i = 0; i < doc->n_sents; i++) headings += (doc->sents[i].flags & DYAD_PARA_HEADING) != 0;
    CHECK_INT(headings, 4);
}

static void test_real_example_003(void)
{
    if (!load_example("examples/003_023876788a9e6448.txt")) { CHECK_NOTE("cannot read example 003"); return; }
    CHECK(doc->title == NULL);                   /* no blank line after the first line */
    CHECK(!text_has("NORTH KOREA SAYS"));
    CHECK(!text_has("contributed to this report"));
    CHECK_INT(doc->n_sents, 13);
    int found = 0;
    for (uint32_t i = 0; i < doc->n_sents; i++)
        found |= sent_is(i, "The despot also called their historic summit in Singapore the "
                            "\xE2\x80\x9Cstart of a meaningful journey.\xE2\x80\x9D");
    CHECK(found);
    CHECK(text_has("DPRK-U.S. relations will bring our next meeting forward,\xE2\x80\x9D the letter read."));
}

int main(void)
{
    doc = dyad_doc_new();
    RUN(test_abbreviations_do_not_split);
    RUN(test_abbreviation_can_end_a_sentence);
    RUN(test_initials_and_decimals);
    RUN(test_quotes_end_or_continue_sentences);
    RUN(test_brackets_and_dashes);
    RUN(test_ellipsis);
    RUN(test_lists_and_paragraphs);
    RUN(test_hard_wrapped_wire);
    RUN(test_tokens_keep_what_belongs_to_words);
    RUN(test_us_and_us);
    RUN(test_quote_directions);
    RUN(test_invalid_utf8_and_nul);
    RUN(test_nfc_and_spaces);
    RUN(test_empty_document);
    RUN(test_debris_rules);
    RUN(test_debris_keeps_story_lines);
    RUN(test_inline_badge_is_cut);
    RUN(test_real_example_000);
    RUN(test_real_example_003);
    dyad_doc_free(doc);
    return check_done();
}
