/*
 * test_quotes.c - the quotations stage in isolation: actor mentions are
 * placed by hand, so that only pairing, kinds and attribution are under
 * test, not the actors lexicon.
 *
 * Text is written with mentions as [surface|CODE] or [surface|CODE|Entity]
 * (mentions naming the same Entity share it; a pronoun surface becomes a
 * pronoun mention whose antecedent is the entity's previous mention).
 * Paragraphs are separated by blank lines.
 */
#include "../check.h"
#include "dyad.h"
#include "../../quotes/quotes.h"

static dyad_doc *doc;

static int is_pronoun_word(const char *s, size_t n)
{
    static const char *const p[] = {"he", "she", "it", "they", "him", "his", "her", "its", "their", "He", "She", "It", "They"};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (strlen(p[i]) == n && !memcmp(p[i], s, n)) return 1;
    return 0;
}

static void quotes(const char *marked)
{
    char plain[8192];
    struct { uint32_t off, len; char code[16]; char ent[32]; } marks[64];
    int nm = 0;
    size_t o = 0;
    for (const char *p = marked; *p && o + 1 < sizeof plain; p++) {
        if (*p == '[' && nm < 64) {
            const char *bar = strchr(p, '|'), *end = strchr(p, ']');
            const char *bar2 = memchr(bar + 1, '|', (size_t)(end - bar - 1));
            marks[nm].off = (uint32_t)o;
            memcpy(plain + o, p + 1, (size_t)(bar - p - 1));
            o += (size_t)(bar - p - 1);
            marks[nm].len = (uint32_t)(o - marks[nm].off);
            const char *code_end = bar2 ? bar2 : end;
            snprintf(marks[nm].code, sizeof marks[nm].code, "%.*s", (int)(code_end - bar - 1), bar + 1);
            if (bar2) snprintf(marks[nm].ent, sizeof marks[nm].ent, "%.*s", (int)(end - bar2 - 1), bar2 + 1);
            else marks[nm].ent[0] = 0;
            nm++;
            p = end;
            continue;
        }
        plain[o++] = *p;
    }
    plain[o] = 0;
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, plain, o);
    dyad_text_process(doc);
    doc->n_mentions = doc->n_entities = 0;
    uint32_t from = 0;
    for (int i = 0; i < nm; i++) {
        /* Find the surface in the clean text (cleaning may move offsets). */
        const char *surf = plain + marks[i].off;
        uint32_t at = UINT32_MAX;
        for (uint32_t t = 0; t < doc->n_toks; t++) {
            uint32_t k = doc->toks[t].off;          /* at a token start: "he" is not in "The" */
            if (k >= from && k + marks[i].len <= doc->text_len && !memcmp(doc->text + k, surf, marks[i].len)) {
                at = k;
                break;
            }
        }
        if (at == UINT32_MAX) { fprintf(stderr, "mention %d not found\n", i); continue; }
        from = at + marks[i].len;
        uint32_t a = 0;
        while (a < doc->n_toks && doc->toks[a].off < at) a++;
        uint32_t b = a;
        while (b < doc->n_toks && doc->toks[b].off < at + marks[i].len) b++;
        int32_t ent = -1, ante = -1;
        if (marks[i].ent[0]) {
            for (uint32_t e = 0; e < doc->n_entities; e++)
                if (!strcmp(doc->entities[e].name, marks[i].ent)) ent = (int32_t)e;
            if (ent < 0) {
                doc->entities = dyad_grow(doc->entities, &doc->cap_entities, doc->n_entities + 1, sizeof *doc->entities);
                dyad_entity *e = &doc->entities[doc->n_entities];
                memset(e, 0, sizeof *e);
                e->name = dyad_arena_strdup(doc->arena, marks[i].ent);
                snprintf(e->code, sizeof e->code, "%s", marks[i].code);
                e->kind = strstr(marks[i].code, "GOV") && !strchr(marks[i].ent, ' ') ? DYAD_ACTOR_PERSON : DYAD_ACTOR_COUNTRY;
                if (!strcmp(marks[i].ent, "Kim") || !strcmp(marks[i].ent, "Trump") || !strcmp(marks[i].ent, "Pompeo"))
                    e->kind = DYAD_ACTOR_PERSON, e->gender = 'm';
                e->first_mention = doc->n_mentions;
                ent = (int32_t)doc->n_entities++;
            }
            for (uint32_t k = doc->n_mentions; k > 0; k--)
                if (doc->mentions[k - 1].entity == ent) { ante = (int32_t)(k - 1); break; }
        }
        doc->mentions = dyad_grow(doc->mentions, &doc->cap_mentions, doc->n_mentions + 1, sizeof *doc->mentions);
        dyad_mention *m = &doc->mentions[doc->n_mentions++];
        memset(m, 0, sizeof *m);
        m->off = at; m->len = marks[i].len; m->tok = a; m->ntok = b - a;
        for (uint32_t s = 0; s < doc->n_sents; s++)
            if (a >= doc->sents[s].tok && a < doc->sents[s].tok + doc->sents[s].ntok) m->sent = s;
        m->entity = ent;
        m->antecedent = -1;
        snprintf(m->code, sizeof m->code, "%s", marks[i].code);
        m->kind = DYAD_ACTOR_PERSON; m->how = DYAD_HOW_LEXICON;
        if (is_pronoun_word(surf, marks[i].len)) {
            m->kind = DYAD_ACTOR_PRONOUN; m->how = DYAD_HOW_COREF_PRONOUN; m->antecedent = ante;
        }
    }
    quotes_process(doc);
}

/* The shortest quote (of `kind`, 0 for any) whose text contains
 * `snippet`, or NULL: the innermost of nested quotes. */
static const dyad_quote *find_kind(const char *snippet, int kind)
{
    size_t n = strlen(snippet);
    const dyad_quote *best = NULL;
    for (uint32_t i = 0; i < doc->n_quotes; i++) {
        const dyad_quote *q = &doc->quotes[i];
        if (kind && q->kind != kind) continue;
        for (uint32_t k = 0; k + n <= q->len; k++)
            if (!memcmp(doc->text + q->off + k, snippet, n)) {
                if (!best || q->len < best->len) best = q;
                break;
            }
    }
    return best;
}

static const dyad_quote *find(const char *snippet) { return find_kind(snippet, 0); }

static const char *kind_name(int k)
{
    static const char *const n[] = {"none", "direct", "partial", "indirect", "scare"};
    return k >= 0 && k <= 4 ? n[k] : "?";
}

/* A quote containing SNIPPET of KIND whose speaker mention's text is
 * SPEAKER ("" for no speaker). */
#define CHECK_QUOTE(snip, want_kind, want_speaker) do { \
    const dyad_quote *q_ = find_kind(snip, want_kind); \
    if (!q_) { const dyad_quote *a_ = find(snip); \
        CHECK_NOTE("%s:%d: no %s quote with \"%s\"%s%s", __FILE__, __LINE__, kind_name(want_kind), snip, \
                   a_ ? "; found one of kind " : "", a_ ? kind_name(a_->kind) : ""); break; } \
    char got_[128] = ""; \
    if (q_->speaker >= 0) snprintf(got_, sizeof got_, "%.*s", (int)doc->mentions[q_->speaker].len, \
                                   doc->text + doc->mentions[q_->speaker].off); \
    if (strcmp(got_, want_speaker)) CHECK_NOTE("%s:%d: \"%s\": speaker \"%s\", expected \"%s\"", \
                                               __FILE__, __LINE__, snip, got_, want_speaker); \
  } while (0)

#define CHECK_CUE(snip, want_cue) do { const dyad_quote *q_ = find(snip); \
    if (!q_) { CHECK_NOTE("%s:%d: no quote \"%s\"", __FILE__, __LINE__, snip); break; } \
    CHECK_SPAN(doc->text + q_->cue_off, q_->cue_len, want_cue); } while (0)

#define CHECK_TEXT(snip, whole) do { const dyad_quote *q_ = find(snip); \
    if (!q_) { CHECK_NOTE("%s:%d: no quote \"%s\"", __FILE__, __LINE__, snip); break; } \
    CHECK_SPAN(doc->text + q_->off, q_->len, whole); } while (0)

/* ------------------------------------------------------------ pairing */

static void test_mark_styles(void)
{
    quotes("“Curly,” [Kim|PRKGOV] said. \"Straight,\" [Kim|PRKGOV] said. ‘Single,’ [Kim|PRKGOV] said. "
           "'Plain single,' [Kim|PRKGOV] said. « Guillemets », [Kim|PRKGOV] said. „Low,“ [Kim|PRKGOV] said.");
    CHECK_QUOTE("Curly", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("Straight", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("Single", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("Plain single", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("Guillemets", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("Low", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_TEXT("Curly", "Curly");               /* marks and the handing-over comma excluded */
    CHECK_CUE("Curly", "said");
}

static void test_apostrophes_are_not_quotes(void)
{
    quotes("[Trump|USAGOV]’s envoy recalled the ’90s and the leaders' summit, and Pyongyang's view didn't change. "
           "Rock ’n’ roll, the Joneses’ house and a 12\" gun were mentioned.");
    CHECK_INT(doc->n_quotes, 0);
}

static void test_reversed_marks_pair(void)
{
    /* ”...” as a crosshead uses the closing glyph on both sides. */
    quotes("”We fell in love,” [Trump|USAGOV] said.");
    CHECK_QUOTE("We fell in love", DYAD_QUOTE_DIRECT, "Trump");
    CHECK_TEXT("We fell", "We fell in love");
}

static void test_nested_quotes(void)
{
    quotes("“[The president|FRAGOV] told me, ‘We will never give up,’ and I believe him,” [Scholz|DEUGOV] said.");
    CHECK_QUOTE("The president told me", DYAD_QUOTE_DIRECT, "Scholz");
    CHECK_QUOTE("We will never give up", DYAD_QUOTE_DIRECT, "The president");
    /* A nested scare phrase with no speech of its own is not reported. */
    quotes("“This so-called ‘deal’ is worthless,” [Scholz|DEUGOV] said.");
    CHECK(find("deal") != NULL);
    CHECK(find_kind("deal", DYAD_QUOTE_SCARE) == NULL);
    CHECK_INT(doc->n_quotes, 1);
}

static void test_across_paragraphs(void)
{
    quotes("According to the agency, [Kim|PRKGOV] said:\n\n"
           "“We will never give up our nuclear deterrent. It is our right.\n\n"
           "“The United States must change course.”\n\n"
           "Analysts were unsurprised.");
    CHECK_QUOTE("nuclear deterrent", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("must change course", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_TEXT("must change", "The United States must change course.");
    /* Opening mark not repeated: the second paragraph closes the first's. */
    quotes("“We will never give up our deterrent, which protects the nation from invasion.\n\n"
           "The world knows it,” [Kim|PRKGOV] said.");
    CHECK_QUOTE("never give up", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_QUOTE("The world knows it", DYAD_QUOTE_DIRECT, "Kim");
}

static void test_lost_paragraph_breaks(void)
{
    /* Scraped copy with the breaks of a multi-paragraph quote lost. */
    quotes("[Hewitt|GBRGOV] said: \"We have already doubled maternity pay. \"We are going to extend it to nine months.\" "
           "Critics were unmoved.");
    CHECK_QUOTE("doubled maternity pay", DYAD_QUOTE_DIRECT, "Hewitt");
    CHECK_QUOTE("extend it to nine months", DYAD_QUOTE_DIRECT, "Hewitt");
    CHECK(find("Critics") == NULL);
}

/* ------------------------------------------------------------ direct */

static void test_speaker_after_before_middle(void)
{
    quotes("“We are ready to talk,” [Zelensky|UKRGOV] said.");
    CHECK_QUOTE("ready to talk", DYAD_QUOTE_DIRECT, "Zelensky");
    quotes("“We are ready to talk,” said [Foreign Minister Sergei Lavrov|RUSGOV].");
    CHECK_QUOTE("ready to talk", DYAD_QUOTE_DIRECT, "Foreign Minister Sergei Lavrov");
    quotes("[Zelensky|UKRGOV] said, “We will fight for every city.”");
    CHECK_QUOTE("every city", DYAD_QUOTE_DIRECT, "Zelensky");
    quotes("[Zelensky|UKRGOV] told reporters: “We will fight for every city.”");
    CHECK_QUOTE("every city", DYAD_QUOTE_DIRECT, "Zelensky");
    CHECK_CUE("every city", "told");
    quotes("“The West has made its choice,” [he|RUSGOV] said, “and it will pay for it.”");
    CHECK_QUOTE("made its choice", DYAD_QUOTE_DIRECT, "he");
    CHECK_QUOTE("pay for it", DYAD_QUOTE_DIRECT, "he");
    CHECK_INT(doc->n_quotes, 2);
}

static void test_next_sentence_inherits(void)
{
    quotes("“Look, people make stray comments,” [Pompeo|USAGOV] said. “If I paid attention to what the press said, I’d go nuts.”");
    CHECK_QUOTE("stray comments", DYAD_QUOTE_DIRECT, "Pompeo");
    CHECK_QUOTE("go nuts", DYAD_QUOTE_DIRECT, "Pompeo");
    /* A bare attribution sentence after the quote. */
    quotes("“We will win.” [Pompeo|USAGOV] said.");
    CHECK_QUOTE("We will win", DYAD_QUOTE_DIRECT, "Pompeo");
}

static void test_reporting_clause_in_previous_paragraph(void)
{
    quotes("Speaking aboard Air Force One en route to [Malaysia|MYS], [Trump|USAGOV] told reporters.\n\n"
           "“I just had a good relationship with him.”\n\n"
           "Then, with a grin, [Trump|USAGOV] added a message for the press:\n\n"
           "“If you want to put out the word, I’m open to it.”\n\n"
           "“That’s pretty big,” [Trump|USAGOV] said.\n\n"
           "“I would say that’s about as big as you get.”");
    CHECK_QUOTE("good relationship", DYAD_QUOTE_DIRECT, "Trump");
    CHECK_CUE("good relationship", "told");
    CHECK_QUOTE("put out the word", DYAD_QUOTE_DIRECT, "Trump");
    CHECK_CUE("put out the word", "added");
    CHECK_QUOTE("as big as you get", DYAD_QUOTE_DIRECT, "Trump");
    /* No INDIRECT from an introducing clause. */
    CHECK(find_kind("a message for the press", DYAD_QUOTE_INDIRECT) == NULL);
}

static void test_no_inheritance_across_unrelated_paragraph(void)
{
    quotes("[Trump|USAGOV] arrived in [Seoul|KORGOV] on Tuesday.\n\n“We are watching closely.”");
    CHECK_QUOTE("watching closely", DYAD_QUOTE_DIRECT, "");
}

static void test_crosshead_pull_quote(void)
{
    quotes("[Trump|USAGOV] spoke at a rally in Virginia on Monday.\n\n”We fell in love”\n\n"
           "Many believed war was near, [Trump|USAGOV] said.\n\n"
           "“I like him. We fell in love.”");
    const dyad_quote *q = find_kind("We fell in love", DYAD_QUOTE_SCARE);
    CHECK(q != NULL);
    if (q) CHECK_INT(q->speaker, -1);
    CHECK_QUOTE("I like him", DYAD_QUOTE_DIRECT, "Trump");
}

static void test_letter_read(void)
{
    quotes("[Trump|USAGOV|Trump] said [Kim|PRKGOV|Kim] sent [him|USAGOV|Trump] a “very nice note.” "
           "In the letter dated July 6, [Kim|PRKGOV|Kim] thanked [Trump|USAGOV|Trump]. "
           "[Trump|USAGOV|Trump] tweeted the signed letter.\n\n"
           "“I extend my conviction that our next meeting will come,” the letter read.");
    CHECK_QUOTE("next meeting", DYAD_QUOTE_DIRECT, "Kim");
    CHECK_CUE("next meeting", "read");
    quotes("[Kim|PRKGOV] sent [Trump|USAGOV] a letter. [Trump|USAGOV] said nothing.\n\n"
           "“Our friendship is special,” the letter said.");
    CHECK_QUOTE("friendship", DYAD_QUOTE_DIRECT, "Kim");
    quotes("A letter from [Kim|PRKGOV] reached the White House. \"We are friends,\" the letter read.");
    CHECK_QUOTE("We are friends", DYAD_QUOTE_DIRECT, "Kim");
}

static void test_statement_author(void)
{
    quotes("[The North Korean Foreign Ministry|PRKGOV] released a statement accusing [the U.S.|USA] of "
           "\"gangster-like\" demands. \"We had expected constructive measures,\" the statement said.");
    CHECK_QUOTE("gangster-like", DYAD_QUOTE_PARTIAL, "The North Korean Foreign Ministry");
    CHECK_QUOTE("constructive measures", DYAD_QUOTE_DIRECT, "The North Korean Foreign Ministry");
    quotes("\"We had expected more,\" [Pyongyang's Foreign Ministry|PRKGOV] said in a statement, according to "
           "[The Associated Press|USAMED].");
    CHECK_QUOTE("expected more", DYAD_QUOTE_DIRECT, "Pyongyang's Foreign Ministry");
    CHECK(find_kind("", DYAD_QUOTE_INDIRECT) == NULL);
}

static void test_pronoun_resumes_last_speaker(void)
{
    /* Coreference put "he" on Kim (the last name); the quote is Trump's. */
    quotes("Earlier, [Trump|USAGOV|Trump] told reporters that [he|USAGOV|Trump] expects to see [Kim|PRKGOV|Kim] soon.\n\n"
           "“At some point, we’ll be involved with North Korea,” [he|PRKGOV|Kim] said.");
    CHECK_QUOTE("At some point", DYAD_QUOTE_DIRECT, "Trump");
    /* ... but not when the pronoun agrees with the last subject. */
    quotes("[Kim|PRKGOV|Kim] met [Trump|USAGOV|Trump] on Sunday.\n\n“It was a good day,” [he|PRKGOV|Kim] said.");
    CHECK_QUOTE("good day", DYAD_QUOTE_DIRECT, "he");
}

static void test_pronoun_antecedent_inside_its_own_report(void)
{
    quotes("“[Kim|PRKGOV|Kim] is a good man,” [he|PRKGOV|Kim] said.");
    CHECK_QUOTE("good man", DYAD_QUOTE_DIRECT, "");
    quotes("Deregulation in [France|FRA|France] is attracting interest, [they|FRA|France] said.");
    CHECK(find_kind("Deregulation", DYAD_QUOTE_INDIRECT) == NULL);
}

/* ------------------------------------------------------------ partial and scare */

static void test_partial_and_scare(void)
{
    quotes("[President Trump|USAGOV] on Thursday said [Kim|PRKGOV] sent [him|USAGOV] a “very nice note,” days after "
           "[the Hermit Kingdom|PRK] slammed “regrettable” talks.");
    CHECK_QUOTE("very nice note", DYAD_QUOTE_PARTIAL, "President Trump");
    CHECK_QUOTE("regrettable", DYAD_QUOTE_PARTIAL, "the Hermit Kingdom");
    quotes("[The despot|PRKGOV] also called their historic summit in Singapore the “start of a meaningful journey.”");
    CHECK_QUOTE("start of a meaningful journey", DYAD_QUOTE_PARTIAL, "The despot");
    CHECK_TEXT("meaningful", "start of a meaningful journey");
    CHECK_QUOTE("their historic summit", DYAD_QUOTE_INDIRECT, "The despot");
    quotes("[Trump|USAGOV] tweeted the signed letter, saying it was a “very nice note” and that “great progress was being made.”");
    CHECK_QUOTE("very nice note", DYAD_QUOTE_PARTIAL, "Trump");
    CHECK_QUOTE("great progress", DYAD_QUOTE_PARTIAL, "Trump");
    quotes("[Kim|PRKGOV] agreed to “complete denuclearization” and [the North Korean despot|PRKGOV] wants "
           "“security guarantees” for his country.");
    CHECK_QUOTE("complete denuclearization", DYAD_QUOTE_PARTIAL, "Kim");
    CHECK_QUOTE("security guarantees", DYAD_QUOTE_PARTIAL, "the North Korean despot");
    quotes("And it seems like [Donald Trump|USAGOV] hasn’t forgotten his old “friend” [Kim Jong Un|PRKGOV].");
    CHECK_QUOTE("friend", DYAD_QUOTE_SCARE, "");
    quotes("The “deal” is dead, [Trump|USAGOV] said.");
    CHECK_QUOTE("deal", DYAD_QUOTE_PARTIAL, "Trump");
}

static void test_subject_rules(void)
{
    quotes("[Lee|KORGOV], whose nation remains at war with [the North|PRK], praised [Trump|USAGOV]’s outreach to "
           "[Kim|PRKGOV], saying it had created a “significant sense of warmth.”");
    CHECK_QUOTE("significant sense", DYAD_QUOTE_PARTIAL, "Lee");
    quotes("On Sunday, [Pompeo|USAGOV] shrugged off the bombastic statement and said the talks with "
           "[North Korean officials|PRKGOV] were conducted in “good faith.”");
    CHECK_QUOTE("good faith", DYAD_QUOTE_PARTIAL, "Pompeo");
    quotes("Just hours before [Trump|USAGOV] arrived, [Pyongyang|PRKGOV] said it had fired missiles at what it called "
           "the “enemies.”");
    CHECK_QUOTE("it had fired missiles", DYAD_QUOTE_INDIRECT, "Pyongyang");
    quotes("[Putin|RUSGOV], who spoke with [Macron|FRAGOV], said the operation was \"going according to plan.\"");
    CHECK_QUOTE("according to plan", DYAD_QUOTE_PARTIAL, "Putin");
    quotes("Some investors are leaving [the U.S.|USA], said Andrew Sheaf, a fund manager.");
    CHECK(find_kind("investors", DYAD_QUOTE_INDIRECT) == NULL);
}

/* ------------------------------------------------------------ indirect */

static void test_indirect_forms(void)
{
    quotes("[Putin|RUSGOV] said on Thursday that the talks were stalled.");
    CHECK_QUOTE("the talks were stalled", DYAD_QUOTE_INDIRECT, "Putin");
    CHECK_TEXT("the talks", "the talks were stalled");
    quotes("[Trump|USAGOV] told reporters aboard Air Force One that he still expects to see Kim.");
    CHECK_QUOTE("he still expects", DYAD_QUOTE_INDIRECT, "Trump");
    CHECK_CUE("he still expects", "told");
    quotes("According to [the Kremlin|RUSGOV], the strikes will continue.");
    CHECK_QUOTE("the strikes will continue", DYAD_QUOTE_INDIRECT, "the Kremlin");
    CHECK_CUE("the strikes", "According to");
    quotes("The strikes will continue next week, according to [the Kremlin|RUSGOV].");
    CHECK_QUOTE("The strikes will continue", DYAD_QUOTE_INDIRECT, "the Kremlin");
    quotes("[Seoul|KORGOV] accused [Pyongyang|PRKGOV] of sending trash balloons across the border.");
    CHECK_QUOTE("of sending trash balloons", DYAD_QUOTE_INDIRECT, "Seoul");
    quotes("The strikes would stop, [Putin|RUSGOV] said, once Kyiv accepted the terms.");
    CHECK_QUOTE("The strikes would stop", DYAD_QUOTE_INDIRECT, "Putin");
    quotes("Something unexpected happened in the relationship, [President Donald Trump|USAGOV] said six years ago, "
           "during a rally in Virginia.");
    CHECK_QUOTE("Something unexpected happened", DYAD_QUOTE_INDIRECT, "President Donald Trump");
    quotes("[Pyongyang|PRKGOV] announced it had test-fired cruise missiles off its western coast.");
    CHECK_QUOTE("it had test-fired", DYAD_QUOTE_INDIRECT, "Pyongyang");
}

static void test_not_indirect(void)
{
    quotes("[Trump|USAGOV] did not say whether the talks would resume soon.");
    CHECK_INT(doc->n_quotes, 0);
    quotes("[Trump|USAGOV] was told the talks would resume soon.");
    CHECK_INT(doc->n_quotes, 0);
    quotes("[Kim|PRKGOV] wrote a long letter to the American president.");
    CHECK_INT(doc->n_quotes, 0);
    quotes("[Kim|PRKGOV] also called off any chance of inter-Korean talks for now.");
    CHECK_INT(doc->n_quotes, 0);
    quotes("[Thatcher|GBRGOV] may call a general election later this year.");
    CHECK_INT(doc->n_quotes, 0);
    quotes("Analysts said the talks would resume soon.");            /* no speaker mention */
    CHECK_INT(doc->n_quotes, 0);
    quotes("[Trump|USAGOV] made a call to [Kim|PRKGOV] about the summit plans.");
    CHECK_INT(doc->n_quotes, 0);
}

/* ------------------------------------------------------------ robustness */

static void test_no_mentions_and_reuse(void)
{
    quotes("“We will win,” the spokesman said. Critics called it a “fantasy.”");
    CHECK_QUOTE("We will win", DYAD_QUOTE_DIRECT, "");
    CHECK_CUE("We will win", "said");
    CHECK_QUOTE("fantasy", DYAD_QUOTE_PARTIAL, "");
    quotes("");
    CHECK_INT(doc->n_quotes, 0);
    quotes("No quotation marks at all here.");
    CHECK_INT(doc->n_quotes, 0);
    /* Unbalanced marks do not crash or run away. */
    quotes("“Unclosed quote runs to the end of its paragraph\n\nNext paragraph. ” Stray. ‘ And ’ more “");
    CHECK(find("Unclosed quote") != NULL);
    CHECK(find("Stray") == NULL);
}

static void test_sentences_and_order(void)
{
    quotes("First sentence here. [Kim|PRKGOV] said the talks had failed. “We are done,” [Kim|PRKGOV] said.");
    for (uint32_t i = 1; i < doc->n_quotes; i++) CHECK(doc->quotes[i - 1].off <= doc->quotes[i].off);
    const dyad_quote *q = find("We are done");
    CHECK(q != NULL);
    if (q) CHECK_INT(q->sent, 2);
    q = find("the talks had failed");
    CHECK(q != NULL);
    if (q) CHECK_INT(q->sent, 1);
}

int main(void)
{
    doc = dyad_doc_new();
    RUN(test_mark_styles);
    RUN(test_apostrophes_are_not_quotes);
    RUN(test_reversed_marks_pair);
    RUN(test_nested_quotes);
    RUN(test_across_paragraphs);
    RUN(test_lost_paragraph_breaks);
    RUN(test_speaker_after_before_middle);
    RUN(test_next_sentence_inherits);
    RUN(test_reporting_clause_in_previous_paragraph);
    RUN(test_no_inheritance_across_unrelated_paragraph);
    RUN(test_crosshead_pull_quote);
    RUN(test_letter_read);
    RUN(test_statement_author);
    RUN(test_pronoun_resumes_last_speaker);
    RUN(test_pronoun_antecedent_inside_its_own_report);
    RUN(test_partial_and_scare);
    RUN(test_subject_rules);
    RUN(test_indirect_forms);
    RUN(test_not_indirect);
    RUN(test_no_mentions_and_reuse);
    RUN(test_sentences_and_order);
    dyad_doc_free(doc);
    return check_done();
}
