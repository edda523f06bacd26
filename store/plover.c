/*
 * plover.c - the store's events as PLOVER JSON records, one per line,
 * with the field names of the PLOVER specification's JSON data fields:
 *
 *   id, date (YYYY-MM-DD, the first day of the event's period; dyad adds
 *   date_precision), source and recipient (lists of actor objects: code,
 *   sector, actor_text, plus dyad's cameo_code and name), event (list of
 *   PLOVER categories), mode and context (lists), quad_code (PLOVER's own
 *   quad of the category, which differs from CAMEO's for PROTEST, SANCTION
 *   and INVESTIGATE), event_text (the verb), text (the sentence), cite_info
 *   (url, title, publication), location (a list of the event's one place:
 *   name, country, admin1, lat, lon, feature_type, how; empty when
 *   unplaced), coder, coded_date; dyad's own fields after
 *   them: cameo_code, goldstein, num_reports, num_articles, num_sources,
 *   docs.
 *
 * The names are those of the "JSON Data Fields" chapter of the PLOVER
 * manual (draft 0.7b1): the event's parties are "source" and "recipient"
 * (the manual renamed CAMEO's target to recipient, and kept source), and
 * an actor object's words are "actor_text".  (Issue 17 asked for
 * "actor"/"entity_text"; the spec's tables say otherwise, and the spec
 * decides.)
 *
 * Not exported (counted in *left_out): negated events (they did not
 * happen), undated ones (date is required), CAMEO 01 and 02 (no PLOVER
 * category), and events without a recipient whose category needs one.
 *
 * Sectors are PLOVER's, not CAMEO's: CAMEO's MED (media) is PLOVER's JRN
 * and CAMEO's HLH (health) is PLOVER's MED; IGO, NGO and MNC are actor
 * codes in PLOVER, not sectors.  Context comes from the CAMEO code by the
 * table below, dyad's reading of what each CAMEO code is about.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

/* CAMEO agent (sector) code -> PLOVER sector; NULL: none. */
static const char *plover_sector(const char *agent)
{
    static const char *const map[][2] = {
        {"GOV", "GOV"}, {"MIL", "MIL"}, {"REB", "REB"}, {"INS", "REB"}, {"SEP", "REB"}, {"OPP", "OPP"},
        {"PTY", "PTY"}, {"COP", "COP"}, {"JUD", "JUD"}, {"SPY", "SPY"}, {"UAF", "UAF"}, {"LEG", "LEG"},
        {"MED", "JRN"}, {"HLH", "MED"}, {"EDU", "EDU"}, {"BUS", "BUS"}, {"CRM", "CRM"}, {"CVL", "CVL"},
        {"SET", "CVL"}, {"LAB", "LAB"}, {"AGR", "AGR"}, {"REF", "REF"}, {"ELI", "ELI"}, {"ENV", "SOC"},
        {"HRI", "SOC"}, {"NGM", "SOC"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(agent, map[i][0])) return map[i][1];
    return NULL;
}

/* CAMEO code prefix -> PLOVER context; the longest matching prefix wins. */
static const char *const CONTEXT[][2] = {
    {"0311", "economic"}, {"0331", "economic"}, {"0354", "economic"}, {"061", "economic"}, {"071", "economic"},
    {"085", "economic"}, {"1011", "economic"}, {"1031", "economic"}, {"1054", "economic"}, {"1211", "economic"},
    {"1221", "economic"}, {"1244", "economic"}, {"1312", "economic"}, {"1621", "economic"}, {"163", "economic"},
    {"0312", "military"}, {"0332", "military"}, {"0356", "military"}, {"062", "military"}, {"072", "military"},
    {"087", "military"}, {"1012", "military"}, {"1032", "military"}, {"1056", "military"}, {"1212", "military"},
    {"1222", "military"}, {"1246", "military"}, {"138", "military"}, {"152", "military"}, {"154", "military"},
    {"1622", "military"}, {"19", "military"}, {"20", "military"},
    {"0313", "legal"}, {"063", "legal"}, {"081", "legal"}, {"0841", "legal"}, {"0842", "legal"},
    {"1013", "legal"}, {"1213", "legal"}, {"115", "legal"}, {"116", "legal"}, {"128", "legal"},
    {"132", "legal"}, {"171", "legal"}, {"172", "legal"}, {"173", "legal"}, {"174", "legal"},
    {"0314", "intelligence"}, {"064", "intelligence"}, {"1014", "intelligence"}, {"1214", "intelligence"},
    {"0333", "humanitarian"}, {"073", "humanitarian"}, {"0863", "humanitarian"}, {"1033", "humanitarian"},
    {"1223", "humanitarian"}, {"1623", "humanitarian"},
    {"0334", "peacekeeping"}, {"074", "peacekeeping"}, {"0861", "peacekeeping"}, {"1034", "peacekeeping"},
    {"1224", "peacekeeping"}, {"1661", "peacekeeping"},
    {"034", "political_institutions"}, {"0344", "political_institutions"}, {"083", "political_institutions"},
    {"0834", "political_institutions"}, {"104", "political_institutions"}, {"1044", "political_institutions"},
    {"123", "political_institutions"}, {"1234", "political_institutions"},
    {"0341", "executive"}, {"0342", "executive"}, {"0831", "executive"}, {"0832", "executive"},
    {"1041", "executive"}, {"1042", "executive"}, {"1231", "executive"}, {"1232", "executive"},
    {"0343", "rights_freedoms"}, {"0351", "rights_freedoms"}, {"0833", "rights_freedoms"},
    {"1043", "rights_freedoms"}, {"1233", "rights_freedoms"}, {"1321", "rights_freedoms"},
    {"1411", "executive"}, {"1412", "executive"}, {"1421", "executive"}, {"1422", "executive"},
    {"1431", "executive"}, {"1432", "executive"}, {"1441", "executive"}, {"1442", "executive"},
    {"1451", "executive"}, {"1452", "executive"},
    {"1413", "rights_freedoms"}, {"1423", "rights_freedoms"}, {"1433", "rights_freedoms"},
    {"1443", "rights_freedoms"}, {"1453", "rights_freedoms"},
    {"1414", "political_institutions"}, {"1424", "political_institutions"}, {"1434", "political_institutions"},
    {"1444", "political_institutions"}, {"1454", "political_institutions"},
    {"0811", "democracy"}, {"0812", "democracy"}, {"082", "democracy"}, {"1322", "democracy"},
    {"1722", "democracy"},
    {"036", "diplomatic"}, {"037", "diplomatic"}, {"038", "diplomatic"}, {"039", "diplomatic"},
    {"045", "diplomatic"}, {"046", "diplomatic"}, {"05", "diplomatic"}, {"086", "diplomatic"},
    {"102", "diplomatic"}, {"106", "diplomatic"}, {"107", "diplomatic"}, {"108", "diplomatic"},
    {"125", "diplomatic"}, {"126", "diplomatic"}, {"127", "diplomatic"}, {"129", "diplomatic"},
    {"1313", "diplomatic"}, {"134", "diplomatic"}, {"135", "diplomatic"}, {"136", "diplomatic"},
    {"139", "diplomatic"}, {"161", "diplomatic"}, {"164", "diplomatic"}, {"165", "diplomatic"},
    {"166", "diplomatic"},
    {"075", "asylum"}, {"091", "crime"}, {"1121", "crime"}, {"092", "human_rights"}, {"1122", "human_rights"},
    {"094", "human_rights"}, {"1124", "human_rights"}, {"1385", "cbrn"}, {"204", "cbrn"},
};

const char *store_plover_context(const char *cameo)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < sizeof CONTEXT / sizeof *CONTEXT; i++) {
        size_t n = strlen(CONTEXT[i][0]);
        if (n > best_n && !strncmp(cameo, CONTEXT[i][0], n)) { best = CONTEXT[i][1]; best_n = n; }
    }
    return best;
}

int store_plover_quad(const char *type)
{
    static const char *const quads[4] = {
        " AGREE CONSULT SUPPORT CONCEDE ",
        " COOPERATE AID RETREAT INVESTIGATE ",
        " DEMAND REQUEST ACCUSE DISAPPROVE REJECT THREATEN SANCTION ",
        " PROTEST CRIME MOBILIZE COERCE ASSAULT FIGHT ",
    };
    char key[40];
    snprintf(key, sizeof key, " %s ", type);
    for (int q = 0; q < 4; q++)
        if (strstr(quads[q], key)) return q + 1;
    return 0;
}

int store_plover_needs_recipient(const char *type)
{
    /* Meetings and joint action list every party as actor; protest,
     * mobilisation and fighting may have no one on the receiving end. */
    static const char optional[] = " CONSULT COOPERATE PROTEST MOBILIZE ASSAULT FIGHT CRIME ";
    char key[40];
    snprintf(key, sizeof key, " %s ", type);
    return !strstr(optional, key);
}

/* One actor list: [] without an actor. */
static void actor(dbuf *b, const char *code, const char *name, const char *text)
{
    if (!code || !*code) { dbuf_puts(b, "[]"); return; }
    cameo_actor_parts p;
    cameo_actor_split(code, &p);
    /* The top-level code: the country, else a non-state actor code. */
    const char *top = p.country[0] ? p.country : NULL;
    char sector[8] = "";
    for (int k = 0; k < 3 && p.type[k][0]; k++) {
        const char *t = p.type[k];
        if (!top && (!strcmp(t, "IGO") || !strcmp(t, "NGO") || !strcmp(t, "MNC"))) { top = t; continue; }
        const char *s = plover_sector(t);
        if (s && strlen(sector) < 6 && !strstr(sector, s)) strcat(sector, s);
    }
    dbuf_puts(b, "[{\"code\":");
    json_str(b, top);
    dbuf_puts(b, ",\"sector\":");
    json_str(b, sector[0] ? sector : NULL);
    dbuf_puts(b, ",\"actor_text\":");
    json_str(b, text && *text ? text : name);
    if (p.religion1[0]) { dbuf_puts(b, ",\"religion\":"); json_str(b, p.religion1); }
    dbuf_puts(b, ",\"cameo_code\":");
    json_str(b, code);
    dbuf_puts(b, ",\"name\":");
    json_str(b, name);
    dbuf_puts(b, "}]");
}

static void str_list(dbuf *b, const char *s)
{
    if (s && *s) { dbuf_putc(b, '['); json_str(b, s); dbuf_putc(b, ']'); }
    else dbuf_puts(b, "[]");
}

int store_export_plover(store *s, const store_filter *f, FILE *out, long *left_out, char *err, size_t errlen)
{
    sqlite3_stmt *st = store_export_events(s, f, err, errlen);
    if (!st) return -1;
    sqlite3_stmt *docs = NULL;
    if (sqlite3_prepare_v2(store_db(s), "SELECT DISTINCT doc_id FROM reports_view WHERE event = ?1 ORDER BY docno",
                           -1, &docs, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
        sqlite3_finalize(st);
        return -1;
    }
    dbuf b = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *type = store_col_text(st, "plover_type");
        const char *target = store_col_text(st, "target_code");
        if (!type || !*type || (store_plover_needs_recipient(type) && (!target || !*target))) {
            (*left_out)++;
            continue;
        }
        const char *cameo = store_col_text(st, "cameo");
        dbuf_clear(&b);
        dbuf_printf(&b, "{\"id\":\"dyad-%lld\"", (long long)sqlite3_column_int64(st, 0));
        dbuf_puts(&b, ",\"date\":"); json_str(&b, store_col_text(st, "date"));
        dbuf_puts(&b, ",\"date_precision\":"); json_str(&b, store_col_text(st, "date_precision"));
        dbuf_puts(&b, ",\"source\":");
        actor(&b, store_col_text(st, "source_code"), store_col_text(st, "source_name"), store_col_text(st, "source_text"));
        dbuf_puts(&b, ",\"recipient\":");
        actor(&b, target, store_col_text(st, "target_name"), store_col_text(st, "target_text"));
        dbuf_puts(&b, ",\"event\":"); str_list(&b, type);
        dbuf_puts(&b, ",\"mode\":"); str_list(&b, store_col_text(st, "plover_mode"));
        dbuf_puts(&b, ",\"context\":"); str_list(&b, cameo ? store_plover_context(cameo) : NULL);
        dbuf_printf(&b, ",\"quad_code\":%d", store_plover_quad(type));
        dbuf_puts(&b, ",\"event_text\":"); str_list(&b, store_col_text(st, "verb_text"));
        dbuf_puts(&b, ",\"text\":"); json_str(&b, store_col_text(st, "evidence"));
        /* location: the event's place as a list of one (empty when unplaced) */
        const char *place = store_col_text(st, "geo_name");
        dbuf_puts(&b, ",\"location\":[");
        if (place) {
            dbuf_puts(&b, "{\"name\":"); json_str(&b, place);
            dbuf_puts(&b, ",\"country\":"); json_str(&b, store_col_text(st, "geo_country"));
            dbuf_puts(&b, ",\"admin1\":"); json_str(&b, store_col_text(st, "geo_adm1"));
            dbuf_printf(&b, ",\"lat\":%s,\"lon\":%s", store_col_text(st, "geo_lat"), store_col_text(st, "geo_lon"));
            dbuf_puts(&b, ",\"feature_type\":"); json_str(&b, store_col_text(st, "geo_type"));
            dbuf_puts(&b, ",\"how\":"); json_str(&b, store_col_text(st, "geo_how"));
            dbuf_putc(&b, '}');
        }
        dbuf_putc(&b, ']');
        dbuf_puts(&b, ",\"cite_info\":{\"url\":"); json_str(&b, store_col_text(st, "url"));
        dbuf_puts(&b, ",\"title\":"); json_str(&b, store_col_text(st, "title"));
        dbuf_puts(&b, ",\"publication\":"); json_str(&b, store_col_text(st, "source"));
        dbuf_puts(&b, "},\"coder\":\"dyad " DYAD_VERSION "\",\"coded_date\":"); json_str(&b, store_col_text(st, "added"));
        dbuf_puts(&b, ",\"cameo_code\":"); json_str(&b, cameo);
        dbuf_puts(&b, ",\"goldstein\":");
        if (sqlite3_column_type(st, store_col(st, "goldstein")) == SQLITE_NULL) dbuf_puts(&b, "null");
        else dbuf_puts(&b, store_col_text(st, "goldstein"));
        dbuf_printf(&b, ",\"num_reports\":%s,\"num_articles\":%s,\"num_sources\":%s,\"docs\":[",
                    store_col_text(st, "n_reports"), store_col_text(st, "n_articles"), store_col_text(st, "n_sources"));
        sqlite3_reset(docs);
        sqlite3_bind_int64(docs, 1, sqlite3_column_int64(st, 0));
        for (int n = 0; sqlite3_step(docs) == SQLITE_ROW; n++) {
            if (n) dbuf_putc(&b, ',');
            json_str(&b, (const char *)sqlite3_column_text(docs, 0));
        }
        dbuf_puts(&b, "]}\n");
        fwrite(b.ptr, 1, b.len, out);
    }
    if (rc != SQLITE_DONE) snprintf(err, errlen, "%s", sqlite3_errmsg(store_db(s)));
    dbuf_free(&b);
    sqlite3_finalize(docs);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}
