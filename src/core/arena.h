/* A region allocator: a loaded dataset's records, lists, strings and name
 * keys all live in one arena, so it has a single owner and is freed in one
 * call (only the two name indexes' entry arrays grow by realloc). */
#ifndef WC_ARENA_H
#define WC_ARENA_H

#include <stddef.h>

typedef struct wc_arena {
    struct wc_arena_block *head;
} wc_arena;

/* Returns `size` bytes of zeroed, suitably aligned memory owned by the
 * arena, or NULL if memory ran out. A size of 0 returns a valid pointer. */
void *wc_arena_alloc(wc_arena *arena, size_t size);

/* Returns room for `count` objects of `size` bytes, checking the product
 * for overflow. */
void *wc_arena_array(wc_arena *arena, size_t count, size_t size);

/* Returns a copy of the `len` bytes at `s`, NUL-terminated. */
char *wc_arena_strndup(wc_arena *arena, const char *s, size_t len);

/* Frees every block; the arena may be used again afterwards. */
void wc_arena_release(wc_arena *arena);

#endif
