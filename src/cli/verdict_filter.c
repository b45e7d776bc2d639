/* `--verdict LIST` (verdict_filter.h). */
#include "verdict_filter.h"

#include "cli.h"
#include "echo.h"
#include "suggest.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The verdicts, in the order of wc_verdict_kind, whose last is
 * WC_V_NO_WARRANT (a verdict added after it must move this bound). */
#define N_VERDICTS ((unsigned)WC_V_NO_WARRANT + 1)

/* The verdict whose word is s[0..len), in any case, or -1. */
static int verdict_named(const char *s, size_t len)
{
    for (unsigned k = 0; k < N_VERDICTS; k++) {
        const char *word = wc_verdict_word((wc_verdict_kind)k);
        if (strlen(word) == len && strncasecmp(word, s, len) == 0)
            return (int)k;
    }
    return -1;
}

/* Every verdict word, "in-custody, obliged, ... or no-warrant". */
static const char *all_words(char *buf, size_t size)
{
    return verdict_filter_words((1u << N_VERDICTS) - 1, buf, size);
}

static void report_unknown_word(const char *option, const char *typed)
{
    const char *words[N_VERDICTS], *near[3];
    for (unsigned k = 0; k < N_VERDICTS; k++)
        words[k] = wc_verdict_word((wc_verdict_kind)k);
    size_t n = suggest(typed, words, N_VERDICTS, near, 3);
    char echo[CLI_ECHO_BUFSIZE], list[160] = "";
    for (size_t i = 0, at = 0; i < n && at < sizeof list; i++)
        at += (size_t)snprintf(list + at, sizeof list - at, "%s'%s'",
                               i == 0 ? "" : i + 1 == n ? " or " : ", ", near[i]);
    if (n > 0)
        cli_error("%s: unknown verdict '%s'; did you mean %s?", option, cli_echo(typed, echo),
                  list);
    else
        cli_error("%s: unknown verdict '%s' (the verdicts: %s)", option, cli_echo(typed, echo),
                  all_words(list, sizeof list));
}

bool verdict_filter_parse(const char *list, const char *option, verdict_set *set)
{
    *set = 0;
    const char *word;
    size_t n;
    for (const char *at = list; cli_list_next(&at, &word, &n);) {
        if (n > 0) {
            int k = verdict_named(word, n);
            if (k < 0) {
                char typed[CLI_ECHO_CHARS + 1];
                snprintf(typed, sizeof typed, "%.*s",
                         (int)(n < CLI_ECHO_CHARS ? n : CLI_ECHO_CHARS), word);
                report_unknown_word(option, typed);
                return false;
            }
            *set |= 1u << k;
        }
    }
    if (*set == 0) {
        char words[160];
        cli_error("%s needs one or more verdicts, separated by commas (%s)", option,
                  all_words(words, sizeof words));
        return false;
    }
    return true;
}

bool verdict_filter_has(verdict_set set, wc_verdict_kind kind)
{
    return (unsigned)kind < N_VERDICTS && (set & (1u << (unsigned)kind)) != 0;
}

const char *verdict_filter_words(verdict_set set, char *buf, size_t size)
{
    unsigned n = 0, total = 0;
    for (unsigned k = 0; k < N_VERDICTS; k++)
        total += (set >> k) & 1u;
    size_t at = 0;
    buf[0] = '\0';
    for (unsigned k = 0; k < N_VERDICTS && at < size; k++)
        if (set & (1u << k)) {
            n++;
            at += (size_t)snprintf(buf + at, size - at, "%s%s",
                                   n == 1 ? "" : n == total ? " or " : ", ",
                                   wc_verdict_word((wc_verdict_kind)k));
        }
    return buf;
}
