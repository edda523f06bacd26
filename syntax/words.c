/*
 * words.c - the hashes a word contributes to tagger and parser features,
 * computed once per word: form, lower-case form, prefixes and suffixes of
 * the lower-case form, and a shape ("Xxxxx", "dd.dd", "XX") with runs of a
 * character class cut at two.  Bytes, not characters: affixes of non-ASCII
 * words may cut a character, which only makes a feature a little odd.
 */
#include "syntax.h"

void syn_word_init(syn_word *w, const char *s, uint32_t n)
{
    char low[SYN_MAX_WORD], shape[24];
    uint32_t m = n < SYN_MAX_WORD ? n : SYN_MAX_WORD;
    uint32_t k = 0;
    char last = 0;
    int run = 0;
    for (uint32_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        char cls;
        if (c >= 'A' && c <= 'Z') { low[i] = (char)(c + 32); cls = 'X'; }
        else {
            low[i] = (char)c;
            cls = c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : (char)c;
        }
        if (c >= 0x80 && c < 0xC0) continue;        /* UTF-8 continuation: one class per character */
        run = cls == last ? run + 1 : 1;
        last = cls;
        if (run <= 2 && k < sizeof shape) shape[k++] = cls;
    }
    w->form = hash_bytes(s, n, HASH_SEED);
    w->lower = hash_bytes(low, m, 0x811C9DC5u ^ 0x5bd1e995u);
    w->shape = hash_bytes(shape, k, 0x12345u);
    for (uint32_t j = 0; j < 3; j++)
        w->pre[j] = hash_bytes(low, j + 1 < m ? j + 1 : m, 0x1000u + j);
    for (uint32_t j = 0; j < 4; j++) {
        uint32_t len = j + 1 < m ? j + 1 : m;
        w->suf[j] = hash_bytes(low + m - len, len, 0x2000u + j);
    }
}
