/* names_to_c NAMES.json OUTPUT.c: a build-time tool. Reads the names that
 * data/iso-codes/convert.py took from Debian's iso-codes (subdivisions and
 * countries' names in other languages), gives each the matching key the
 * library computes for a typed name, and writes them as one constant table
 * sorted by key, for wc_find_country() to search when the dataset's own
 * names fail. A key that two countries would share is left out: the
 * converter's own check works on an approximation of the key. */
#include "normalize.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    const char *name, *iso2, *subdivision, *language;
} entry;

static int by_key(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c != 0 ? c : strcmp(x->iso2, y->iso2);
}

static void put_string(FILE *out, const char *s)
{
    if (s == NULL) {
        fputs("NULL", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
        if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
            fputc(*p, out);
        else
            fprintf(out, "\\%03o", *p);
    fputc('"', out);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 65536) {
            cap = cap * 2 + 65536;
            char *more = realloc(buf, cap + 1);
            if (more == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = more;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    buf[len] = '\0';
    return buf;
}

static const char *string_of(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: names_to_c NAMES.json OUTPUT.c\n", stderr);
        return 2;
    }
    char *text = read_all(argv[1]);
    cJSON *root = text != NULL ? cJSON_Parse(text) : NULL;
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(root, "names");
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(root, "source");
    if (!cJSON_IsArray(names) || string_of(source, "version") == NULL) {
        fprintf(stderr, "names_to_c: %s: not a names file of data/iso-codes/convert.py\n",
                argv[1]);
        return 1;
    }
    size_t n = (size_t)cJSON_GetArraySize(names), count = 0;
    entry *e = calloc(n, sizeof *e);
    if (e == NULL)
        return 1;
    for (const cJSON *c = names->child; c != NULL; c = c->next) {
        const char *name = string_of(c, "name"), *iso2 = string_of(c, "country");
        char *words = name != NULL ? wc_name_key(name, false) : NULL;
        if (words == NULL || iso2 == NULL) {
            fprintf(stderr, "names_to_c: a name that is no name: %s\n", name ? name : "?");
            return 1;
        }
        char *key = malloc(strlen(words) + 1);
        if (key == NULL)
            return 1;
        wc_key_squeeze(words, key);
        free(words);
        if (key[0] == '\0') {
            free(key);
            continue;
        }
        const cJSON *langs = cJSON_GetObjectItemCaseSensitive(c, "languages");
        e[count++] = (entry){.key = key, .name = name, .iso2 = iso2,
                             .subdivision = string_of(c, "subdivision"),
                             .language = cJSON_IsArray(langs) && langs->child != NULL
                                             ? langs->child->valuestring
                                             : NULL};
    }
    qsort(e, count, sizeof *e, by_key);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "w");
    if (out == NULL)
        return 1;
    /* One pool of strings (offset 0 is the empty string: "none"), and
     * entries of offsets, so the table needs no relocations at start-up. */
    size_t cap = 1, used = 1;
    for (size_t i = 0; i < count; i++)
        cap += strlen(e[i].key) + strlen(e[i].name) + 4 +
               (e[i].subdivision ? strlen(e[i].subdivision) : 0) +
               (e[i].language ? strlen(e[i].language) : 0);
    char *pool = calloc(cap, 1);
    size_t *offs = calloc(count * 4, sizeof *offs);
    if (pool == NULL || offs == NULL)
        return 1;
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < count; i++) {
        /* Runs of one key: kept if they all name one country, once. */
        size_t j = i;
        bool shared = false;
        while (j + 1 < count && strcmp(e[j + 1].key, e[i].key) == 0) {
            j++;
            shared |= strcmp(e[j].iso2, e[i].iso2) != 0;
        }
        if (shared || strlen(e[i].iso2) != 2) {
            dropped += j - i + 1;
        } else {
            const char *parts[4] = {e[i].key, e[i].name, e[i].subdivision, e[i].language};
            for (int k = 0; k < 4; k++) {
                offs[kept * 4 + (size_t)k] = 0;
                if (parts[k] == NULL)
                    continue;
                offs[kept * 4 + (size_t)k] = used;
                memcpy(pool + used, parts[k], strlen(parts[k]) + 1);
                used += strlen(parts[k]) + 1;
            }
            e[kept].iso2 = e[i].iso2;
            kept++;
        }
        i = j;
    }
    fputs("/* Generated by src/gen/names_to_c.c from data/iso-codes/names.json. */\n"
          "#include \"world_names.h\"\n\nconst char wc_world_pool[] = {", out);
    for (size_t i = 0; i < used; i++)
        fprintf(out, "%s'\\%03o',", i % 16 == 0 ? "\n" : "", (unsigned)(unsigned char)pool[i]);
    fputs("\n};\n\nconst wc_world_entry wc_world_entries[] = {\n", out);
    for (size_t i = 0; i < kept; i++)
        fprintf(out, "    {%zu, %zu, %zu, %zu, \"%s\"},\n", offs[i * 4], offs[i * 4 + 1],
                offs[i * 4 + 2], offs[i * 4 + 3], e[i].iso2);
    fprintf(out, "};\nconst size_t wc_world_entries_count = %zu;\n", kept);
    fputs("\nconst char *wc_world_names_version(void)\n{\n    return ", out);
    put_string(out, string_of(source, "version"));
    fputs(";\n}\n", out);
    free(pool);
    free(offs);
    if (fclose(out) != 0 || rename(tmp, argv[2]) != 0)
        return 1;
    for (size_t i = 0; i < count; i++)
        free(e[i].key);
    free(e);
    cJSON_Delete(root);
    free(text);
    fprintf(stderr, "names_to_c: %zu names, %zu left out as shared\n", kept, dropped);
    return 0;
}
