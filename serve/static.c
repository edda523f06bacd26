/*
 * static.c - the web page's files.
 *
 * A URL path names a file of the web folder only when every segment is a
 * plain name: letters, digits, '-', '_' and '.', not starting with '.'
 * (so no "..", no hidden file), no empty segment.  The decoded path is
 * checked (libmicrohttpd has already turned %2e%2e into ".."), and the
 * file found must still lie inside the folder once symbolic links are
 * resolved.  Anything else is 404, the same answer as a missing file, so
 * probing tells nothing about the disk.
 */
#include "serve.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE (4 << 20)

static int plain_path(const char *p)
{
    if (strlen(p) > 200) return 0;
    int start = 1;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '/') { if (start) return 0; start = 1; continue; }
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 (c == '.' && !start);
        if (!ok) return 0;
        start = 0;
    }
    return !start;
}

static const char *type_of(const char *name)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
        if (!strcmp(dot, types[i][0])) return types[i][1];
    return "application/octet-stream";
}

void serve_static(const char *web_dir, const char *path, serve_response *rs)
{
    const char *rel = path[0] == '/' ? path + 1 : path;
    if (!*rel) rel = "index.html";
    if (!web_dir || !plain_path(rel)) { serve_error(rs, 404, "not found"); return; }
    char full[PATH_MAX], real[PATH_MAX], root[PATH_MAX];
    if ((size_t)snprintf(full, sizeof full, "%s/%s", web_dir, rel) >= sizeof full || !realpath(web_dir, root) ||
        !realpath(full, real)) {
        serve_error(rs, 404, "not found");
        return;
    }
    size_t n = strlen(root);
    if (strncmp(real, root, n) || real[n] != '/') { serve_error(rs, 404, "not found"); return; }
    int fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) || !S_ISREG(sb.st_mode) || sb.st_size > MAX_FILE) {
        if (fd >= 0) close(fd);
        serve_error(rs, 404, "not found");
        return;
    }
    dbuf_reserve(&rs->body, (size_t)sb.st_size + 1);
    size_t got = 0;
    while (got < (size_t)sb.st_size) {
        ssize_t r = read(fd, rs->body.ptr + got, (size_t)sb.st_size - got);
        if (r <= 0) break;
        got += (size_t)r;
    }
    close(fd);
    if (got != (size_t)sb.st_size) { serve_error(rs, 500, "cannot read %s", rel); return; }
    rs->body.len = got;
    rs->body.ptr[got] = 0;
    rs->status = 200;
    rs->type = type_of(rel);
}
