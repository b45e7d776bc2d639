#include "notes.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool wc_note_add(wc_notes *notes, const wc_country *subject, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int body = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (body < 0)
        return false;
    const char *article = subject != NULL ? wc_country_article(subject) : "";
    const char *name = subject != NULL ? subject->name : "";
    size_t a = strlen(article), head = subject != NULL ? a + strlen(name) + 1 : 0;
    size_t n = head + (size_t)body;
    char *s = malloc(n + 1);
    char **grown = realloc(notes->items, (notes->count + 1) * sizeof *grown);
    if (s == NULL || grown == NULL) {
        free(s);
        if (grown != NULL)
            notes->items = grown;
        return false;
    }
    notes->items = grown;
    if (subject != NULL) {
        memcpy(s, article, a);
        memcpy(s + a, name, head - 1 - a);
        s[head - 1] = ' ';
    }
    va_start(ap, fmt);
    vsnprintf(s + head, (size_t)body + 1, fmt, ap);
    va_end(ap);
    notes->items[notes->count++] = s;
    return true;
}

void wc_notes_free(wc_notes *notes)
{
    for (size_t i = 0; i < notes->count; i++)
        free(notes->items[i]);
    free(notes->items);
    notes->items = NULL;
    notes->count = 0;
}

bool wc_notes_append(wc_notes *notes, const wc_notes *more)
{
    for (size_t i = 0; i < more->count; i++)
        if (!wc_note_add(notes, NULL, "%s", more->items[i]))
            return false;
    return true;
}
