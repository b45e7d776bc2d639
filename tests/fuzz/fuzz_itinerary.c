/* Fuzz harness: the itinerary reader. Any bytes, split into lines as the
 * command line splits a file, must give for each line a leg, nothing, or a
 * fault with a message and a column inside the line, never crash, hang or
 * leak; a leg's dates are real and in order, its text inside its line. */
#include <warrantcheck/warrantcheck.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True if [text, text + len) lies inside [base, base + size). */
static bool inside(const char *text, size_t len, const char *base, size_t size)
{
    return text >= base && len <= size && (size_t)(text - base) <= size - len;
}

static void check_leg(const wc_leg *leg, const char *line, size_t len)
{
    if (leg->start == WC_DATE_UNKNOWN || leg->end == WC_DATE_UNKNOWN || leg->end < leg->start)
        abort();
    if (leg->country == NULL || leg->country_len == 0 || leg->country_column < 1 ||
        leg->country_column > len + 1)
        abort();
    if (!inside(leg->input, leg->input_len, line, len))
        abort();
    /* Touch every byte handed out, so that ASan sees a bad pointer. */
    volatile unsigned sum = 0;
    for (size_t i = 0; i < leg->country_len; i++)
        sum += (unsigned char)leg->country[i];
    if (leg->person != NULL)
        for (size_t i = 0; i < leg->person_len; i++)
            sum += (unsigned char)leg->person[i];
    (void)sum;
}

/* Feeds each "\n"-separated line (the last one may lack its "\n") to one
 * parser, in a buffer of exactly its length. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wc_itinerary_parser *p = wc_itinerary_parser_new();
    if (p == NULL)
        return 0;
    size_t at = 0;
    while (at < size) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t len = nl != NULL ? (size_t)(nl - (data + at)) : size - at;
        char *line = malloc(len ? len : 1);
        if (line == NULL)
            break;
        memcpy(line, data + at, len);
        wc_leg leg;
        wc_line_error err;
        memset(&err, 0, sizeof err);
        switch (wc_itinerary_parse_line(p, line, len, &leg, &err)) {
        case WC_LINE_LEG:
            check_leg(&leg, line, len);
            break;
        case WC_LINE_EMPTY:
            break;
        case WC_LINE_ERROR:
            if (err.message[0] == '\0' ||
                memchr(err.message, '\0', sizeof err.message) == NULL || err.column < 1 ||
                err.column > (len > WC_ITINERARY_MAX_LINE ? WC_ITINERARY_MAX_LINE : len) + 1)
                abort();
            break;
        }
        free(line);
        at += len + 1;
    }
    wc_itinerary_parser_free(p);
    return 0;
}
