/*
 * jsonl.c - one JSON object per line: id, url, title, published, source,
 * text (required), author, site, lang; any other field is kept verbatim in
 * doc->extra so that what came in goes out again.
 */
#include "ingest.h"
#include "../core/core.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *str_field(json_t *obj, const char *key, dyad_doc *d)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_string(v)) return dyad_arena_strndup(d->arena, json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) return dyad_arena_printf(d->arena, "%lld", (long long)json_integer_value(v));
    return NULL;
}

static int is_known(const char *key)
{
    static const char *const known[] = {"id", "url", "title", "published", "source", "text",
                                        "author", "site", "lang", NULL};
    for (const char *const *k = known; *k; k++)
        if (!strcmp(key, *k)) return 1;
    return 0;
}

void ingest_json_meta(void *json, dyad_doc *d)
{
    json_t *obj = json;
    d->id = str_field(obj, "id", d);
    d->url = str_field(obj, "url", d);
    d->title = str_field(obj, "title", d);
    d->published = str_field(obj, "published", d);
    d->source = str_field(obj, "source", d);
    d->author = str_field(obj, "author", d);
    d->site = str_field(obj, "site", d);
    d->lang = str_field(obj, "lang", d);
}

int ingest_json_record(const char *line, size_t len, dyad_doc *d, char *err, size_t errlen)
{
    json_error_t je;
    json_t *obj = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    if (!obj) {
        snprintf(err, errlen, "invalid JSON at column %d: %s", je.column, je.text);
        return -1;
    }
    if (!json_is_object(obj)) {
        snprintf(err, errlen, "a JSON line must be an object, not %s",
                 json_is_array(obj) ? "an array" : "a scalar");
        json_decref(obj);
        return -1;
    }
    /* A coded record (dyad code --coded) is restored, not coded again. */
    if (json_is_object(json_object_get(obj, "coded"))) {
        int rc = ingest_coded_json(obj, d, err, errlen);
        json_decref(obj);
        return rc;
    }
    json_t *text = json_object_get(obj, "text");
    if (!json_is_string(text)) {
        snprintf(err, errlen, "no \"text\" string in this JSON object");
        json_decref(obj);
        return -1;
    }
    ingest_json_meta(obj, d);
    dyad_doc_set_raw(d, json_string_value(text), json_string_length(text));

    json_t *extra = NULL;
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (is_known(key)) continue;
        if (!extra) extra = json_object();
        json_object_set(extra, key, v);
    }
    if (extra) {
        char *s = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (s) { d->extra = dyad_arena_strdup(d->arena, s); free(s); }
        json_decref(extra);
    }
    json_decref(obj);
    return 0;
}
