/*
 * weights.c - one table of perceptron weights: rows addressed by feature
 * hash (the hashing trick: no feature dictionary, collisions tolerated),
 * one weight per class in a row so that scoring a feature reads one
 * contiguous run.  Run time uses q, int16 averaged weights scaled so that
 * the largest is 32767 (the argmax is all a greedy decoder needs).
 *
 * On disk a table is its shape and the non-zero q as (gap, value)
 * varints in row order: most rows of a hashed table are empty or nearly
 * so, which keeps files a few MB and loading a single pass.
 */
#include "syntax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int syn_weights_init(syn_weights *W, uint32_t bits, uint32_t nclass, int training)
{
    memset(W, 0, sizeof *W);
    if (bits < 4 || bits > 26 || !nclass || nclass > 256) return -1;
    W->bits = bits;
    W->nclass = nclass;
    W->stride = nclass <= 4 ? 4 : (nclass + 7) & ~7u;    /* whole vectors of 8 */
    size_t cells = ((size_t)1 << bits) * W->stride;
    W->q = calloc(cells, sizeof *W->q);
    if (!W->q) return -1;
    if (training) {
        W->w = calloc(cells, sizeof *W->w);
        W->u = calloc(cells, sizeof *W->u);
        if (!W->w || !W->u) { syn_weights_free(W); return -1; }
        W->step = 1;
    }
    return 0;
}

void syn_weights_free(syn_weights *W)
{
    free(W->q); free(W->w); free(W->u);
    memset(W, 0, sizeof *W);
}

/* Eight int16 weights widened and added to eight int32 sums at a time
 * (GCC vector extensions: SSE2/AVX2 code without intrinsics).  This loop
 * is most of the time of tagging and parsing, so it is built twice, for
 * AVX2 and for any x86-64 (or the target's default), and the loader picks
 * by CPU; integer sums, so both give the same scores. */
typedef int16_t v8hi __attribute__((vector_size(16)));
typedef int32_t v8si __attribute__((vector_size(32)));

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_ADDRESS__)
#define SYN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SYN_CLONES
#endif

SYN_CLONES
void syn_weights_score(const syn_weights *W, const uint32_t *f, int nf, int32_t *scores)
{
    uint32_t stride = W->stride;
    const int16_t *rows[128];
    if (nf > 128) nf = 128;
    /* Every cache line of every row asked for at once: the rows are
     * scattered over megabytes, so the misses overlap instead of queueing. */
    size_t row_bytes = stride * sizeof *W->q;
    for (int i = 0; i < nf; i++) {
        rows[i] = W->q + (size_t)syn_row(W, f[i]) * stride;
        const char *p = (const char *)rows[i];
        for (size_t b = 0; b < row_bytes; b += 64) __builtin_prefetch(p + b);
        __builtin_prefetch(p + row_bytes - 1);
    }
    if (stride == 4) {
        int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int i = 0; i < nf; i++) { a0 += rows[i][0]; a1 += rows[i][1]; a2 += rows[i][2]; a3 += rows[i][3]; }
        int32_t acc[4] = {a0, a1, a2, a3};
        memcpy(scores, acc, W->nclass * sizeof *scores);
        return;
    }
    /* Eight classes at a time over all the rows: the sum stays in a
     * register, and the rows (a few KB) stay in L1 between the passes. */
    v8si acc[32];
    uint32_t nv = stride / 8;
    for (uint32_t v = 0; v < nv; v++) {
        v8si a = {0};
        for (int i = 0; i < nf; i++) {
            v8hi x;
            memcpy(&x, rows[i] + 8 * v, sizeof x);
            a += __builtin_convertvector(x, v8si);
        }
        acc[v] = a;
    }
    memcpy(scores, acc, W->nclass * sizeof *scores);
}

void syn_weights_score_train(const syn_weights *W, const uint32_t *f, int nf, float *scores)
{
    memset(scores, 0, W->nclass * sizeof *scores);
    for (int i = 0; i < nf; i++) {
        const float *row = W->w + (size_t)syn_row(W, f[i]) * W->stride;
        for (uint32_t c = 0; c < W->nclass; c++) scores[c] += row[c];
    }
}

void syn_weights_update(syn_weights *W, const uint32_t *f, int nf, int cls, float delta)
{
    double t = (double)W->step * delta;
    for (int i = 0; i < nf; i++) {
        size_t at = (size_t)syn_row(W, f[i]) * W->stride + (size_t)cls;
        W->w[at] += delta;
        W->u[at] += t;
    }
}

void syn_weights_quantize(syn_weights *W)
{
    size_t cells = ((size_t)1 << W->bits) * W->stride;
    double max = 0, inv = 1.0 / (double)W->step;
    for (size_t i = 0; i < cells; i++) {
        double a = fabs((double)W->w[i] - W->u[i] * inv);
        if (a > max) max = a;
    }
    double scale = max > 0 ? 32767.0 / max : 0;
    if (getenv("SYN_DEBUG")) {
        size_t nz = 0, small = 0;
        for (size_t i = 0; i < cells; i++) {
            double a = fabs((double)W->w[i] - W->u[i] * inv);
            if (a > 0) { nz++; if (a * scale < 8) small++; }
        }
        fprintf(stderr, "quantize: max %.1f, %zu non-zero, %zu below 8 units\n", max, nz, small);
    }
    for (size_t i = 0; i < cells; i++)
        W->q[i] = (int16_t)lrint(((double)W->w[i] - W->u[i] * inv) * scale);
}

void syn_put_u32(dbuf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    dbuf_put(b, x, 4);
}

void syn_put_varint(dbuf *b, uint64_t v)
{
    unsigned char x[10];
    int n = 0;
    do { x[n] = (unsigned char)(v & 0x7f); v >>= 7; if (v) x[n] |= 0x80; n++; } while (v);
    dbuf_put(b, x, (size_t)n);
}

uint32_t syn_read_u32(syn_reader *r)
{
    if (r->end - r->p < 4) { r->bad = 1; return 0; }
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

uint64_t syn_read_varint(syn_reader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) { r->bad = 1; return 0; }
        unsigned char c = *r->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) return v;
    }
    r->bad = 1;
    return 0;
}

void syn_weights_write(dbuf *b, const syn_weights *W)
{
    size_t cells = ((size_t)1 << W->bits) * W->stride;
    uint64_t nnz = 0;
    for (size_t i = 0; i < cells; i++) nnz += W->q[i] != 0;
    syn_put_u32(b, W->bits);
    syn_put_u32(b, W->nclass);
    syn_put_varint(b, nnz);
    size_t last = 0;
    for (size_t i = 0; i < cells; i++) {
        if (!W->q[i]) continue;
        syn_put_varint(b, i - last);
        int v = W->q[i];
        syn_put_varint(b, (uint64_t)(v < 0 ? ((-v) << 1) - 1 : v << 1));   /* zigzag */
        last = i;
    }
}

int syn_weights_read(syn_reader *r, syn_weights *W)
{
    uint32_t bits = syn_read_u32(r), nclass = syn_read_u32(r);
    if (r->bad || syn_weights_init(W, bits, nclass, 0)) { r->bad = 1; return -1; }
    size_t cells = ((size_t)1 << W->bits) * W->stride;
    uint64_t nnz = syn_read_varint(r);
    if (nnz > cells) r->bad = 1;
    size_t at = 0;
    for (uint64_t k = 0; k < nnz && !r->bad; k++) {
        uint64_t gap = syn_read_varint(r), z = syn_read_varint(r);
        if (gap > cells - at || (k && !gap) || z > 65535) { r->bad = 1; break; }
        at += gap;
        int64_t v = z & 1 ? -(int64_t)((z + 1) >> 1) : (int64_t)(z >> 1);
        if (v < -32768 || v > 32767 || at % W->stride >= W->nclass) { r->bad = 1; break; }
        W->q[at] = (int16_t)v;
    }
    if (r->bad) { syn_weights_free(W); return -1; }
    return 0;
}
