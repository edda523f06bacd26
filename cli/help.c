/*
 * help.c - `dyad COMMAND --help` and the man page (`dyad --man`, installed
 * as dyad.1), both printed from the command table (commands.c) and its
 * option tables: one source, so the help, the man page and what cli_parse
 * accepts cannot drift apart.
 */
#include "cli.h"

#include <string.h>

/* "-q, --quiet" / "    --db PATH" into buf; its width. */
static int option_words(const cli_option *t, char *buf, size_t cap)
{
    char sh[8] = "    ";
    if (t->short_name) snprintf(sh, sizeof sh, "-%c, ", t->short_name);
    return snprintf(buf, cap, "%s--%s%s%s", sh, t->name, t->arg ? " " : "", t->arg ? t->arg : "");
}

static void help_options(FILE *out, const cli_option *t)
{
    static const cli_option help = {"help", 'h', NULL, 0, "this help"};
    int w = 0;
    char buf[128];
    for (const cli_option *r = t; r && r->name; r++) {
        int n = option_words(r, buf, sizeof buf);
        if (n > w) w = n;
    }
    if (w < 12) w = 12;
    for (const cli_option *r = t;; r++) {
        if (!r || !r->name) r = &help;
        option_words(r, buf, sizeof buf);
        fprintf(out, "  %-*s  ", w, buf);
        for (const char *h = r->help; *h; h++) {
            fputc(*h, out);
            if (*h == '\n') fprintf(out, "  %-*s  ", w, "");
        }
        fputc('\n', out);
        if (r == &help) break;
    }
}

void cli_print_help(FILE *out, const cli_command *cmd)
{
    fprintf(out, "usage: dyad %s\n", cmd->synopsis);
    for (const cli_command *c = cmd->also; c; c = c->also) fprintf(out, "       dyad %s\n", c->synopsis);
    fprintf(out, "\n%s.\n", cmd->summary);
    if (cmd->description) fprintf(out, "\n%s\n", cmd->description);
    fputs("\noptions:\n", out);
    help_options(out, cmd->options);
    for (const cli_command *c = cmd->also; c; c = c->also) {
        fprintf(out, "\ndyad %s: %s.\n", c->synopsis, c->summary);
        if (c->description) fprintf(out, "\n%s\n", c->description);
        fputs("\noptions:\n", out);
        help_options(out, c->options);
    }
}

/* ------------------------------------------------------------ the man page */

/* Text in roff: backslashes and hyphens escaped, no line starting with a
 * control character; a blank line starts a paragraph, an indented line a
 * new line. */
static void roff(FILE *out, const char *s)
{
    int bol = 1;
    for (const char *p = s; *p; p++) {
        if (bol && *p == '\n') { fputs(".PP\n", out); continue; }
        if (bol && *p == ' ') { fputs(".br\n", out); while (p[1] == ' ') p++; continue; }
        if (bol && (*p == '.' || *p == '\'')) fputs("\\&", out);
        bol = 0;
        if (*p == '\\') fputs("\\e", out);
        else if (*p == '-') fputs("\\-", out);
        else { fputc(*p, out); if (*p == '\n') bol = 1; }
    }
    if (!bol) fputc('\n', out);
}

/* An option name or placeholder in a font: hyphens escaped. */
static void roff_word(FILE *out, const char *font, const char *prefix, const char *w)
{
    fprintf(out, "\\f%s%s", font, prefix);
    for (; *w; w++) {
        if (*w == '-') fputs("\\-", out);
        else fputc(*w, out);
    }
    fputs("\\fR", out);
}

static void man_options(FILE *out, const cli_option *t)
{
    for (const cli_option *r = t; r && r->name; r++) {
        fputs(".TP\n", out);
        if (r->short_name) fprintf(out, "\\fB\\-%c\\fR, ", r->short_name);
        roff_word(out, "B", "\\-\\-", r->name);
        if (r->arg) { fputc(' ', out); roff_word(out, "I", "", r->arg); }
        fputc('\n', out);
        roff(out, r->help);
    }
}

static void man_command(FILE *out, const cli_command *c)
{
    fputs(".SS \"dyad ", out);
    fputs(c->name, out);
    fputs("\"\n.nf\n\\fBdyad\\fR ", out);
    roff(out, c->synopsis);
    fputs(".fi\n.PP\n", out);
    roff(out, c->summary);
    if (c->description) { fputs(".PP\n", out); roff(out, c->description); }
    man_options(out, c->options);
}

void cli_print_man(FILE *out)
{
    fprintf(out, ".TH DYAD 1 \"\" \"dyad %s\" \"User Commands\"\n", DYAD_VERSION);
    fputs(".SH NAME\ndyad \\- turn news text into political event data\n"
          ".SH SYNOPSIS\n\\fBdyad\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIFILE\\fR...|\\-]\n"
          ".br\n\\fBdyad\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n"
          ".SH DESCRIPTION\n", out);
    roff(out, "dyad reads news articles (plain text, JSON lines, HTML pages, WARC and ARC web "
              "archives, plain or gzip; the format is sniffed from the content) and codes who did "
              "what to whom, when, where and what they said: actors with CAMEO codes that hold "
              "between dates, time expressions, quotations, and events in CAMEO and PLOVER with "
              "the evidence and the rule behind each.  Results go to standard output, or into an "
              "SQLite store that the query commands read.\n\n"
              "Options take their value as --opt=value or --opt value; short options bundle (-qj2); "
              "-- ends the options; - is standard input.  JSON output writes an absent value as "
              "null and flags as true or false; sentence numbers start at 1.  Progress (count, "
              "total, rate and time left) is shown on standard error only when it is a terminal; "
              "a warning repeated across documents is printed once and counted at the end "
              "(--verbose prints every one; -q none).");
    fputs(".SH COMMANDS\n", out);
    for (const cli_command *c = cli_commands; c->name; c++)
        for (const cli_command *f = c; f; f = f->also) man_command(out, f);
    fputs(".SH ENVIRONMENT\n.TP\n.B DYAD_DATA\n", out);
    roff(out, "the data folder (lexicons, verb patterns); --data overrides it.  Without either, "
              "dyad uses ../share/dyad beside its own executable when installed, or the data/ "
              "folder of the build tree it was built in.");
    fputs(".SH EXIT STATUS\n", out);
    roff(out, "0 on success; 1 when some document or input failed (the others are still "
              "processed), or standard output could not be written; 2 on a usage error.");
    fputs(".SH FILES\n.TP\n.I dyad.db\n", out);
    roff(out, "the default store of ingest and the query commands.");
    fputs(".SH SEE ALSO\n\\fBdyad-lexicon\\fR(5)\n", out);
}
