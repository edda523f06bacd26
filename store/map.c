/*
 * map.c - the store's placed events as a map-ready CSV (`dyad export
 * --format map`): one row per event that has a place, with a header:
 * event id, date, source, target, CAMEO, latitude, longitude, place,
 * country, how it was placed (verb-modifier, sentence, dateline,
 * destination, actor-country) and whether the place was a guess.
 * Negated events are left out (nothing happened there).
 */
#include "store.h"

int store_export_map(store *s, const store_filter *f, FILE *out, char *err, size_t errlen)
{
    sqlite3_stmt *st = store_export_select(s, "SELECT e.id AS event, e.date, e.source_code AS source, e.target_code AS target, e.cameo,"
               " e.geo_lat AS lat, e.geo_lon AS lon, e.geo_name AS place, e.geo_country AS country,"
               " e.geo_how AS how, e.geo_guess AS guess"
               " FROM events e WHERE e.negated = 0 AND e.geo_lat IS NOT NULL",
                                           f, err, errlen);
    if (!st) return -1;
    int r = tab_stmt(out, OUT_CSV, st, NULL, NULL, 0, NULL, err, errlen);
    sqlite3_finalize(st);
    return r;
}
