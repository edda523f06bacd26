/*
 * code_dict.h - `dyad code --verbs / --actors / --agents / --discards
 * [--add]`: code with the field's TABARI / PETRARCH dictionaries.
 *
 * code_dict_option is cli_parse's extra-option callback for those options
 * (kept in this file's state: one `dyad code` per process).  code_dict_open
 * returns NULL with *failed == 0 when none was given (dyad's own pipeline
 * then runs), NULL with *failed == 1 after printing why loading failed.
 * Without --add, the given dictionaries replace dyad's own of their kind
 * (--verbs: dyad's verb dictionary is not loaded at all; --actors or
 * --agents: dyad's actors lexicon is not loaded); with --add both are used.
 * code_dict_process is dyad_process with the TABARI-mode stages in place;
 * code_dict_explain codes again, printing why (--explain).
 */
#ifndef DYAD_CLI_CODE_DICT_H
#define DYAD_CLI_CODE_DICT_H

#include "cli.h"

typedef struct code_dict code_dict;

enum {
    CODE_DICT_O_VERBS = CLI_O_OWN + 20, CODE_DICT_O_ACTORS, CODE_DICT_O_AGENTS, CODE_DICT_O_DISCARDS,
    CODE_DICT_O_ADD, CODE_DICT_O_ONE, CODE_DICT_O_LITERAL,
};
/* The option rows of the dictionaries, in code's and eval's tables. */
#define CODE_DICT_OPTIONS \
    {"verbs", 0, "FILE", CODE_DICT_O_VERBS, "a TABARI / PETRARCH verb dictionary instead of dyad's own"}, \
    {"actors", 0, "FILE...", CODE_DICT_O_ACTORS, "TABARI / PETRARCH actor dictionaries (repeat, or list several)"}, \
    {"agents", 0, "FILE", CODE_DICT_O_AGENTS, "a TABARI / PETRARCH agents dictionary"}, \
    {"discards", 0, "FILE", CODE_DICT_O_DISCARDS, "a TABARI / PETRARCH discards dictionary"}, \
    {"add", 0, NULL, CODE_DICT_O_ADD, "use those dictionaries on top of dyad's own"}, \
    {"one-coder", 0, NULL, CODE_DICT_O_ONE, "compile the --verbs patterns into dyad's own coder (no token matcher)"}, \
    {"tabari-literal", 0, NULL, CODE_DICT_O_LITERAL, "with --one-coder: no modality or negation rules, as TABARI (eval tabari sets it)"}

int code_dict_option(cli_opts *o, int id, const char *arg);
int code_dict_given(void);              /* a dictionary option was given */
code_dict *code_dict_open(const cli_opts *o, int *failed);
dyad_model *code_dict_model(const code_dict *cd);
void code_dict_process(code_dict *cd, dyad_doc *d, const dyad_options *opt);
void code_dict_explain(code_dict *cd, dyad_doc *d, FILE *out);
void code_dict_close(code_dict *cd);

#endif
