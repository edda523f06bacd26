/*
 * tsv_formats.c - the store's events as the tab-separated tables of two
 * other event data sets, so their users' scripts read dyad's output.
 *
 * ICEWS-style (a header, then one event a line), the columns of the ICEWS
 * event files: Event ID, Event Date (YYYY-MM-DD), Source Name, Source
 * Sectors (comma-separated sector names from the CAMEO agent codes),
 * Source Country (its name), Event Text (the CAMEO code's name), CAMEO
 * Code (text, leading zeros kept), Intensity (Goldstein), Target Name,
 * Target Sectors, Target Country, Story ID (the first report's document),
 * Sentence Number (from 1), Publisher, City, District, Province, Country,
 * Latitude, Longitude (the event's place, where/: City a city or landmark,
 * Province its region, Country the country's name; empty when unplaced).
 *
 * Phoenix (no header, as the Phoenix data files), 26 columns: EventID,
 * Date (YYYYMMDD), Year, Month, Day, then per actor its full CAMEO code,
 * root (country or IGO/NGO/IMG/MNC), primary agent and the other blocks
 * (';'-joined), EventCode, EventRootCode, PentaClass (0 for CAMEO 01-02,
 * then Phoenix's quad), GoldsteinScore, Issues, Lat, Lon, LocationName,
 * StateName, CountryCode (the event's place, dyad's country code), SentenceID
 * (DOC_SENTENCE of every report, ';'-joined), URLs, NewsSources.
 *
 * A field never holds a tab or line break (they become spaces).
 */
#include "store.h"
#include "../events/model.h"

#include <stdlib.h>
#include <string.h>

/* Country names by CAMEO code, from the country lexicon's "country:" and
 * "code:" lines (data/actors/countries.txt). */
typedef struct { char code[4]; char *name; } country_name;
typedef struct { country_name *v; size_t n; } country_names;

static void countries_load(country_names *c, const char *data_dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/actors/countries.txt", data_dir);
    FILE *f = fopen(path, "r");
    if (!f) return;
    char *line = NULL, *name = NULL;
    size_t cap = 0, vcap = 0;
    while (getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (!strncmp(line, "country: ", 9)) { free(name); name = strdup(line + 9); }
        else if (!strncmp(line, "code: ", 6) && name && strlen(line + 6) == 3) {
            if (c->n == vcap) {
                vcap = vcap ? 2 * vcap : 256;
                country_name *v = realloc(c->v, vcap * sizeof *v);
                if (!v) break;
                c->v = v;
            }
            memcpy(c->v[c->n].code, line + 6, 4);
            c->v[c->n++].name = name;
            name = NULL;
        }
    }
    free(name);
    free(line);
    fclose(f);
}

static const char *country_of(const country_names *c, const char *code)
{
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->v[i].code, code)) return c->v[i].name;
    return NULL;
}

static void countries_free(country_names *c)
{
    for (size_t i = 0; i < c->n; i++) free(c->v[i].name);
    free(c->v);
}

/* A field: tab first (the column separator), breaks as spaces. */
static void field(FILE *f, int first, const char *s)
{
    if (!first) fputc('\t', f);
    for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* CAMEO agent codes as ICEWS-style sector names, comma-separated. */
static void sectors(dbuf *b, const cameo_actor_parts *p)
{
    static const char *const names[][2] = {
        {"GOV", "Government"}, {"MIL", "Military"}, {"REB", "Rebels"}, {"OPP", "Opposition"},
        {"PTY", "Parties"}, {"COP", "Police"}, {"JUD", "Judicial"}, {"SPY", "Intelligence"},
        {"MED", "Media"}, {"EDU", "Education"}, {"BUS", "Business"}, {"CRM", "Criminals"},
        {"CVL", "Civilian"}, {"LAB", "Labor"}, {"LEG", "Legislative / Parliamentary"}, {"HLH", "Health"},
        {"REF", "Refugees / Displaced"}, {"MOD", "Moderate"}, {"RAD", "Radicals / Extremists"},
        {"AGR", "Agricultural"}, {"ELI", "Elite"}, {"ENV", "Environmental"}, {"HRI", "Human Rights"},
        {"IGO", "International Government Organization"}, {"NGO", "Nongovernmental Organization"},
        {"NGM", "Nongovernmental Movement"}, {"MNC", "Multinational Corporation"}, {"SET", "Settlers"},
        {"UAF", "Unidentified Armed Forces"}, {"INS", "Insurgents"}, {"SEP", "Separatists"},
        {"UIS", "Unidentified State Actor"}, {"AMN", "Amnesty International"}, {"IRC", "Red Cross"},
    };
    for (int k = 0; k < 3 && p->type[k][0]; k++)
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (!strcmp(p->type[k], names[i][0])) {
                if (b->len) dbuf_putc(b, ',');
                dbuf_puts(b, names[i][1]);
            }
}

static void icews_actor(FILE *out, const country_names *cn, const char *code, const char *name)
{
    cameo_actor_parts p;
    cameo_actor_split(code ? code : "", &p);
    dbuf sec = {0};
    sectors(&sec, &p);
    field(out, 0, name && *name ? name : code);
    field(out, 0, sec.ptr);
    field(out, 0, p.country[0] ? country_of(cn, p.country) : NULL);
    dbuf_free(&sec);
}

/* Phoenix's actor columns: full code, root, primary agent, the rest. */
static void phoenix_actor(FILE *out, const char *code)
{
    static const char ROOTS[] = "IGO NGO IMG MNC ";
    static const char AGENTS[] = "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ";
    cameo_actor_parts p;
    cameo_actor_split(code ? code : "", &p);
    size_t n = code ? strlen(code) : 0, i = 0;
    char root[4] = "", role[4] = "", blk[4];
    if (n >= 3) {
        memcpy(blk, code, 3); blk[3] = 0;
        if (p.country[0] || strstr(ROOTS, blk)) { memcpy(root, blk, 4); i = 3; }
    }
    if (i + 3 <= n) {
        memcpy(blk, code + i, 3); blk[3] = 0;
        if (strstr(AGENTS, blk)) { memcpy(role, blk, 4); i += 3; }
    }
    dbuf rest = {0};
    for (; i + 3 <= n; i += 3) {
        if (rest.len) dbuf_putc(&rest, ';');
        dbuf_put(&rest, code + i, 3);
    }
    field(out, 0, code);
    field(out, 0, root);
    field(out, 0, role);
    field(out, 0, rest.ptr);
    dbuf_free(&rest);
}

static int penta_class(const char *cameo)
{
    int root = cameo && strlen(cameo) >= 2 ? (cameo[0] - '0') * 10 + (cameo[1] - '0') : 0;
    if (root <= 2) return 0;
    if (root <= 5) return 1;
    if (root <= 8) return 2;
    if (root <= 13 || root == 16) return 3;
    return 4;
}

/* SentenceID, URLs and NewsSources of one event, from all its reports. */
static int phoenix_reports(FILE *out, sqlite3_stmt *rep, sqlite3_int64 id)
{
    dbuf ids = {0}, urls = {0}, srcs = {0};
    sqlite3_reset(rep);
    sqlite3_bind_int64(rep, 1, id);
    int rc;
    while ((rc = sqlite3_step(rep)) == SQLITE_ROW) {
        if (ids.len) dbuf_putc(&ids, ';');
        dbuf_printf(&ids, "%s_%lld", (const char *)sqlite3_column_text(rep, 0),
                    (long long)sqlite3_column_int64(rep, 1) + 1);
        const char *u = (const char *)sqlite3_column_text(rep, 2), *s = (const char *)sqlite3_column_text(rep, 3);
        /* Each URL and source once, in the order first reported. */
        for (int k = 0; k < 2; k++) {
            const char *v = k ? s : u;
            dbuf *b = k ? &srcs : &urls;
            if (!v || !*v) continue;
            size_t n = strlen(v);
            int seen = 0;
            for (const char *p = b->ptr; p && (p = strstr(p, v)); p += n)
                if ((p == b->ptr || p[-1] == ';') && (p[n] == ';' || !p[n])) { seen = 1; break; }
            if (seen) continue;
            if (b->len) dbuf_putc(b, ';');
            dbuf_puts(b, v);
        }
    }
    field(out, 0, ids.ptr);
    field(out, 0, urls.ptr);
    field(out, 0, srcs.ptr);
    dbuf_free(&ids); dbuf_free(&urls); dbuf_free(&srcs);
    return rc == SQLITE_DONE ? 0 : -1;
}

static const char ICEWS_HEADER[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude\n";

int store_export_tsv(store *s, const store_filter *f, int format, const char *data_dir, FILE *out,
                     char *err, size_t errlen)
{
    if (!data_dir) data_dir = dyad_default_data_dir();
    events_model *onto = NULL;
    country_names cn = {0};
    if (format == EXPORT_ICEWS) {
        /* Event Text is the CAMEO name: without the ontology the column
         * would be wrong, so that is an error. */
        onto = events_load_ontology(data_dir, err, errlen);
        if (!onto) return -1;
        countries_load(&cn, data_dir);
    }
    sqlite3_stmt *st = store_export_events(s, f, err, errlen), *rep = NULL;
    if (st && sqlite3_prepare_v2(store_db(s), "SELECT doc_id, sentence, url, source FROM reports_view"
                                 " WHERE event = ?1 ORDER BY docno, i", -1, &rep, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
        sqlite3_finalize(st);
        st = NULL;
    }
    int rc = SQLITE_ERROR;
    if (st) {
        if (format == EXPORT_ICEWS) fputs(ICEWS_HEADER, out);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            char buf[64];
            const char *date = store_col_text(st, "date"), *cameo = store_col_text(st, "cameo");
            const char *src = store_col_text(st, "source_code"), *tgt = store_col_text(st, "target_code");
            snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(st, 0));
            field(out, 1, buf);
            if (format == EXPORT_ICEWS) {
                field(out, 0, date);
                icews_actor(out, &cn, src, store_col_text(st, "source_name"));
                const cameo_entry *ce = cameo ? ontology_find(onto, cameo) : NULL;
                field(out, 0, ce ? ce->name : NULL);
                field(out, 0, cameo);
                field(out, 0, store_col_text(st, "goldstein"));
                icews_actor(out, &cn, tgt, store_col_text(st, "target_name"));
                field(out, 0, store_col_text(st, "doc_id"));
                snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(st, store_col(st, "sentence")) + 1);
                field(out, 0, buf);
                field(out, 0, store_col_text(st, "source"));
                /* The event's place: a city or landmark is the City, its
                 * region the Province; a country or sea has neither. */
                const char *type = store_col_text(st, "geo_type"), *gc = store_col_text(st, "geo_country");
                int point = type && strcmp(type, "country") && strcmp(type, "adm1");
                field(out, 0, point ? store_col_text(st, "geo_name") : NULL);
                field(out, 0, "");                              /* District */
                field(out, 0, type && !strcmp(type, "adm1") ? store_col_text(st, "geo_name")
                              : point ? store_col_text(st, "geo_adm1") : NULL);
                field(out, 0, gc ? country_of(&cn, gc) : NULL);
                field(out, 0, store_col_text(st, "geo_lat"));
                field(out, 0, store_col_text(st, "geo_lon"));
            } else {
                snprintf(buf, sizeof buf, "%.4s%.2s%.2s", date, date + 5, date + 8);
                field(out, 0, buf);
                snprintf(buf, sizeof buf, "%.4s", date); field(out, 0, buf);
                snprintf(buf, sizeof buf, "%.2s", date + 5); field(out, 0, buf);
                snprintf(buf, sizeof buf, "%.2s", date + 8); field(out, 0, buf);
                phoenix_actor(out, src);
                phoenix_actor(out, tgt);
                field(out, 0, cameo);
                snprintf(buf, sizeof buf, "%.2s", cameo ? cameo : ""); field(out, 0, buf);
                snprintf(buf, sizeof buf, "%d", penta_class(cameo)); field(out, 0, buf);
                field(out, 0, store_col_text(st, "goldstein"));
                field(out, 0, "");                              /* Issues */
                field(out, 0, store_col_text(st, "geo_lat"));
                field(out, 0, store_col_text(st, "geo_lon"));
                field(out, 0, store_col_text(st, "geo_name"));  /* LocationName */
                field(out, 0, store_col_text(st, "geo_adm1"));  /* StateName */
                field(out, 0, store_col_text(st, "geo_country"));
                if (phoenix_reports(out, rep, sqlite3_column_int64(st, 0))) { rc = SQLITE_ERROR; break; }
            }
            fputc('\n', out);
        }
        if (rc != SQLITE_DONE) snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
    }
    sqlite3_finalize(rep);
    sqlite3_finalize(st);
    if (onto) events_free(onto);
    countries_free(&cn);
    return rc == SQLITE_DONE ? 0 : -1;
}
