/*
 * arena.c - the per-document bump allocator.
 *
 * Blocks form a list; allocation bumps a pointer in the current block and
 * moves to the next (or a new) block when it does not fit.  Reset rewinds to
 * the first block without freeing, so a reused arena reaches a steady state.
 * An allocation larger than the block size gets a block of its own.
 */
#include "dyad.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t size, used;
    unsigned char data[];
} block;

struct dyad_arena {
    block *first, *cur;
    size_t block_size;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    return p;
}

static block *block_new(size_t size)
{
    block *b = xmalloc(sizeof *b + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

dyad_arena *dyad_arena_new(size_t block_size)
{
    dyad_arena *a = xmalloc(sizeof *a);
    a->block_size = block_size ? block_size : 64 * 1024;
    a->first = a->cur = block_new(a->block_size);
    return a;
}

void *dyad_arena_alloc(dyad_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    for (;;) {
        block *b = a->cur;
        if (b->size - b->used >= n) {
            void *p = b->data + b->used;
            b->used += n;
            memset(p, 0, n);
            return p;
        }
        /* Reuse a kept block if it fits, else splice a new one in after cur. */
        if (b->next && b->next->size >= n) {
            a->cur = b->next;
            a->cur->used = 0;
            continue;
        }
        block *nb = block_new(n > a->block_size ? n : a->block_size);
        nb->next = b->next;
        b->next = nb;
        a->cur = nb;
    }
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n)
{
    char *p = dyad_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s)
{
    return s ? dyad_arena_strndup(a, s, strlen(s)) : NULL;
}

char *dyad_arena_printf(dyad_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return dyad_arena_strdup(a, "");
    char *p = dyad_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void dyad_arena_reset(dyad_arena *a)
{
    a->cur = a->first;
    a->first->used = 0;
    for (block *b = a->first->next; b; b = b->next) b->used = 0;
}

void dyad_arena_free(dyad_arena *a)
{
    if (!a) return;
    block *b = a->first;
    while (b) { block *n = b->next; free(b); b = n; }
    free(a);
}

size_t dyad_arena_used(const dyad_arena *a)
{
    size_t n = 0;
    for (block *b = a->first; b; b = b->next) n += b->used;
    return n;
}

void *dyad_grow(void *array, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) return array;
    uint64_t nc = *cap ? *cap : 16;
    while (nc < need) nc *= 2;
    if (nc > UINT32_MAX) nc = UINT32_MAX;
    void *p = realloc(array, (size_t)nc * elem);
    if (!p) { fputs("dyad: out of memory\n", stderr); abort(); }
    *cap = (uint32_t)nc;
    return p;
}
