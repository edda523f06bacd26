/*
 * gdelt.c - the store's events as the GDELT 1.0 event table.
 *
 * 58 tab-separated columns per event, no header, in GDELT's order
 * (GLOBALEVENTID ... DATEADDED, SOURCEURL); a column dyad does not know
 * (ethnicity) is empty.  The three geography groups (Actor1Geo,
 * Actor2Geo, ActionGeo: Type, FullName, CountryCode, ADM1Code, Lat, Long,
 * FeatureID) follow the codebook: Type 1 country, 2 US state, 3 US city
 * or place, 4 world city or place (landmarks, seas), 5 world state;
 * CountryCode is the FIPS 10-4 code as in GDELT; ADM1Code is, as GDELT
 * writes it, the country's FIPS code and the region's code where dyad
 * knows the region's code: a US state ("USCA", from libgeonames' state
 * name), else the FIPS country code alone (libgeonames names regions,
 * it gives no codes); FeatureID is the FIPS code for a country, the ADM1
 * code for a US state, and empty otherwise (libgeonames gives no GeoNames
 * ids); FullName is
 * "place, region" (GDELT adds the country's name, which the store does
 * not keep: CountryCode says it).  AvgTone is the
 * mean tone (tone.c) of the documents reporting the event, empty for
 * documents stored before tones were.  Actor codes are split into
 * GDELT's parts by their three-letter blocks: a first block that is not an
 * agent type or religion is the country; agent types (GOV, MIL ...) fill
 * Type1-3, religions Religion1-2, and any other block the known group.
 * Negated and undated events are left out: GDELT records what happened,
 * on a day.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

static void field(FILE *f, const char *s);

/* US states and the District of Columbia by libgeonames' state name, as
 * GDELT's ADM1Code writes them ("US" + the postal code), sorted by name. */
static const char *const US_STATES[][2] = {
    {"Alabama", "AL"}, {"Alaska", "AK"}, {"Arizona", "AZ"}, {"Arkansas", "AR"}, {"California", "CA"},
    {"Colorado", "CO"}, {"Connecticut", "CT"}, {"Delaware", "DE"}, {"District of Columbia", "DC"},
    {"Florida", "FL"}, {"Georgia", "GA"}, {"Hawaii", "HI"}, {"Idaho", "ID"}, {"Illinois", "IL"},
    {"Indiana", "IN"}, {"Iowa", "IA"}, {"Kansas", "KS"}, {"Kentucky", "KY"}, {"Louisiana", "LA"},
    {"Maine", "ME"}, {"Maryland", "MD"}, {"Massachusetts", "MA"}, {"Michigan", "MI"}, {"Minnesota", "MN"},
    {"Mississippi", "MS"}, {"Missouri", "MO"}, {"Montana", "MT"}, {"Nebraska", "NE"}, {"Nevada", "NV"},
    {"New Hampshire", "NH"}, {"New Jersey", "NJ"}, {"New Mexico", "NM"}, {"New York", "NY"},
    {"North Carolina", "NC"}, {"North Dakota", "ND"}, {"Ohio", "OH"}, {"Oklahoma", "OK"}, {"Oregon", "OR"},
    {"Pennsylvania", "PA"}, {"Rhode Island", "RI"}, {"South Carolina", "SC"}, {"South Dakota", "SD"},
    {"Tennessee", "TN"}, {"Texas", "TX"}, {"Utah", "UT"}, {"Vermont", "VT"}, {"Virginia", "VA"},
    {"Washington", "WA"}, {"West Virginia", "WV"}, {"Wisconsin", "WI"}, {"Wyoming", "WY"},
};

static int state_cmp(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

/* ADM1Code: the FIPS country code, and a US state's postal code. */
static void adm1_code(const char *fips, const char *adm1, char out[8])
{
    snprintf(out, 8, "%s", fips ? fips : "");
    if (!fips || strcmp(fips, "US") || !adm1) return;
    const char *const (*st)[2] = bsearch(adm1, US_STATES, sizeof US_STATES / sizeof *US_STATES, sizeof *US_STATES, state_cmp);
    if (st) snprintf(out, 8, "US%s", (*st)[1]);
}

/* Seven geography columns from the query's columns at c: name, country
 * name (NULL: not kept), FIPS, ADM1, lat, lon, type. */
static void geo(FILE *f, sqlite3_stmt *st, int c)
{
    const char *name = (const char *)sqlite3_column_text(st, c);
    if (!name) { for (int k = 0; k < 7; k++) field(f, ""); return; }
    const char *fips = (const char *)sqlite3_column_text(st, c + 2);
    const char *adm1 = (const char *)sqlite3_column_text(st, c + 3);
    const char *type = (const char *)sqlite3_column_text(st, c + 6);
    const char *cname = (const char *)sqlite3_column_text(st, c + 1);
    int us = fips && !strcmp(fips, "US");
    int t = !type ? 4 : !strcmp(type, "country") ? 1 : !strcmp(type, "adm1") ? (us ? 2 : 5) : us ? 3 : 4;
    char code[3] = "", a1[8];
    snprintf(code, sizeof code, "%s", fips ? fips : "");
    adm1_code(fips, adm1, a1);
    char buf[512];
    fprintf(f, "\t%d", t);
    if (t == 1) snprintf(buf, sizeof buf, "%s", name);
    else if (adm1 && *adm1 && strcmp(adm1, name) && cname) snprintf(buf, sizeof buf, "%s, %s, %s", name, adm1, cname);
    else if (adm1 && *adm1 && strcmp(adm1, name)) snprintf(buf, sizeof buf, "%s, %s", name, adm1);
    else snprintf(buf, sizeof buf, "%s", name);
    field(f, buf);
    field(f, code);
    field(f, a1);                                       /* ADM1Code (see above) */
    fprintf(f, "\t%.4f\t%.4f", sqlite3_column_double(st, c + 4), sqlite3_column_double(st, c + 5));
    field(f, t == 1 ? code : t == 2 && a1[2] ? a1 : "");
}

static int in_set(const char *b, const char *set)
{
    for (const char *p = set; *p; p += 4)
        if (!strncmp(p, b, 3)) return 1;
    return 0;
}

/* CAMEO agent types and religion codes, four bytes apiece. */
static const char TYPES[] = "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF MOD RAD AGR "
                            "ELI ENV HRI IGO NGO NGM MNC SET UAF INS SEP UIS AMN IRC GRP ";
static const char RELIGIONS[] = "CHR CTH PRO ORT ANG LDS MOS SHI SUN SFI ALE DRZ JEW HSD BUD HIN JAN SIK CON TAO "
                                "ATH ZRO BAH SHN ";

void cameo_actor_split(const char *code, cameo_actor_parts *p)
{
    memset(p, 0, sizeof *p);
    size_t n = strlen(code);
    int types = 0, rel = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char b[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (in_set(b, TYPES)) { if (types < 3) memcpy(p->type[types++], b, 4); }
        else if (in_set(b, RELIGIONS)) {
            if (rel == 0) memcpy(p->religion1, b, 4);
            else if (rel == 1) memcpy(p->religion2, b, 4);
            rel++;
        } else if (i == 0) memcpy(p->country, b, 4);
        else if (!p->group[0]) memcpy(p->group, b, 4);
    }
}

/* A field with tabs and line breaks made spaces: one record, one line. */
static void field(FILE *f, const char *s)
{
    fputc('\t', f);
    if (!s) return;
    for (; *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void actor(FILE *f, const char *code, const char *name)
{
    cameo_actor_parts p;
    cameo_actor_split(code ? code : "", &p);
    field(f, code);
    field(f, name);
    field(f, p.country);
    field(f, p.group);
    field(f, "");                   /* EthnicCode */
    field(f, p.religion1);
    field(f, p.religion2);
    for (int k = 0; k < 3; k++) field(f, p.type[k]);
}

int store_export_gdelt(store *s, const store_filter *f, FILE *out, char *err, size_t errlen)
{
    sqlite3_stmt *st = store_export_select(s, "SELECT e.id, e.date, e.source_code, e.source_name, e.target_code, e.target_name, e.cameo,"
               " e.quad, e.goldstein, e.n_reports, e.n_sources, e.n_articles, e.added, d.url,"
               /* AvgTone: the mean tone of the documents that report it. */
               " (SELECT round(avg(d2.tone), 4) FROM documents d2"
               "   WHERE d2.docno IN (SELECT doc FROM event_reports WHERE event = e.id)),"
               " EXISTS (SELECT 1 FROM event_reports r JOIN sentences st ON st.doc = r.doc AND st.i = r.sent"
               "   WHERE r.event = e.id AND st.para = 0),"
               /* 16..36: the three places; the country's name for FullName is
                * the place's own when a country, else found by its code. */
               " e.a1_geo_name, NULL, e.a1_geo_fips, e.a1_geo_adm1,"
               " e.a1_geo_lat, e.a1_geo_lon, e.a1_geo_type,"
               " e.a2_geo_name, NULL, e.a2_geo_fips, e.a2_geo_adm1, e.a2_geo_lat, e.a2_geo_lon, e.a2_geo_type,"
               " e.geo_name, NULL, e.geo_fips, e.geo_adm1, e.geo_lat, e.geo_lon, e.geo_type"
               " FROM events e JOIN documents d ON d.docno = e.first_doc WHERE e.negated = 0 AND e.date <> ''",
                                           f, err, errlen);
    if (!st) return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 1);
        dyad_date d = {0, 0, 0};
        if (date && *date) dyad_date_parse(date, &d);
        fprintf(out, "%lld", (long long)sqlite3_column_int64(st, 0));
        /* SQLDATE, MonthYear and Year are always filled, as in GDELT: a
         * month- or year-dated event stands at the first day of its
         * period (the store's date; its precision is in dyad's own
         * exports).  FractionDate is the codebook's YEAR + (MONTH * 30 +
         * DAY) / 365. */
        char buf[32] = "";
        if (d.year) snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
        field(out, buf);
        if (d.year) snprintf(buf, sizeof buf, "%04d%02d", d.year, d.month);
        field(out, buf);
        if (d.year) snprintf(buf, sizeof buf, "%04d", d.year);
        field(out, buf);
        if (d.year) snprintf(buf, sizeof buf, "%.4f", d.year + (d.month * 30 + d.day) / 365.0);
        field(out, buf);
        actor(out, (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
        actor(out, (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5));
        field(out, sqlite3_column_int(st, 15) ? "1" : "0");             /* IsRootEvent */
        const char *cameo = (const char *)sqlite3_column_text(st, 6);
        char base[4] = "", root[3] = "";
        if (cameo && strlen(cameo) >= 2) { memcpy(root, cameo, 2); root[2] = 0; }
        if (cameo && strlen(cameo) >= 3) { memcpy(base, cameo, 3); base[3] = 0; }
        field(out, cameo);
        field(out, base);
        field(out, root);
        field(out, (const char *)sqlite3_column_text(st, 7));                /* QuadClass */
        field(out, (const char *)sqlite3_column_text(st, 8));                /* GoldsteinScale */
        field(out, (const char *)sqlite3_column_text(st, 9));                /* NumMentions */
        field(out, (const char *)sqlite3_column_text(st, 10));               /* NumSources */
        field(out, (const char *)sqlite3_column_text(st, 11));               /* NumArticles */
        field(out, (const char *)sqlite3_column_text(st, 14));               /* AvgTone */
        geo(out, st, 16);                                                    /* Actor1Geo_* */
        geo(out, st, 23);                                                    /* Actor2Geo_* */
        geo(out, st, 30);                                                    /* ActionGeo_* */
        const char *added = (const char *)sqlite3_column_text(st, 12);
        dyad_date a = {0, 0, 0};
        if (added && !dyad_date_parse(added, &a) && a.day)
            snprintf(buf, sizeof buf, "%04d%02d%02d", a.year, a.month, a.day);
        else buf[0] = 0;
        field(out, buf);
        field(out, (const char *)sqlite3_column_text(st, 13));               /* SOURCEURL */
        fputc('\n', out);
    }
    if (rc != SQLITE_DONE) snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}
