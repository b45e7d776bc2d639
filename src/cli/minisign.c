/* minisign signatures: parsing by hand (the format is four lines),
 * cryptography by libsodium. See minisign.h. */
#include "minisign.h"

#include <stdio.h>
#include <string.h>

#define SIG_BYTES 64
#define KEY_LINE_BYTES (2 + 8 + 32)
#define SIG_LINE_BYTES (2 + 8 + SIG_BYTES)
/* A trusted comment longer than this is refused (minisign's own limit is
 * 1024 bytes). */
#define MAX_COMMENT 8192

/* The next line of text[*at..len), without its "\n" or "\r\n"; false at
 * the end. */
static bool next_line(const char *text, size_t len, size_t *at, const char **line,
                      size_t *line_len)
{
    if (*at >= len)
        return false;
    const char *start = text + *at;
    const char *nl = memchr(start, '\n', len - *at);
    size_t n = nl ? (size_t)(nl - start) : len - *at;
    *at += n + (nl != NULL);
    if (n > 0 && start[n - 1] == '\r')
        n--;
    *line = start;
    *line_len = n;
    return true;
}

static bool decode(const sodium_lib *na, const char *line, size_t n, unsigned char *out,
                   size_t want)
{
    size_t got = 0;
    return na->base642bin(out, want, line, n, NULL, &got, NULL,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           got == want;
}

static bool starts_with(const char *line, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return n >= p && memcmp(line, prefix, p) == 0;
}

bool minisign_parse_key(const sodium_lib *na, const char *text, size_t len, minisign_key *key,
                        char *why, size_t why_size)
{
    size_t at = 0;
    const char *line;
    size_t n;
    if (!next_line(text, len, &at, &line, &n)) {
        snprintf(why, why_size, "the public key is empty");
        return false;
    }
    if (starts_with(line, n, "untrusted comment:") && !next_line(text, len, &at, &line, &n)) {
        snprintf(why, why_size, "the public key has no key line after its comment");
        return false;
    }
    unsigned char raw[KEY_LINE_BYTES];
    if (!decode(na, line, n, raw, sizeof raw)) {
        snprintf(why, why_size, "not a minisign public key (expected base64 of %d bytes)",
                 KEY_LINE_BYTES);
        return false;
    }
    if (raw[0] != 'E' || raw[1] != 'd') {
        snprintf(why, why_size, "not an Ed25519 minisign public key");
        return false;
    }
    memcpy(key->id, raw + 2, sizeof key->id);
    memcpy(key->key, raw + 10, sizeof key->key);
    return true;
}

bool minisign_verify(const sodium_lib *na, const minisign_key *key, const char *sig, size_t sig_len,
                     const unsigned char *msg, size_t msg_len, char *comment,
                     size_t comment_size, char *why, size_t why_size)
{
    size_t at = 0;
    const char *line;
    size_t n;
    /* 1: untrusted comment */
    if (!next_line(sig, sig_len, &at, &line, &n) ||
        !starts_with(line, n, "untrusted comment:")) {
        snprintf(why, why_size, "not a minisign signature (no 'untrusted comment:' line)");
        return false;
    }
    /* 2: algorithm, key id, signature */
    unsigned char raw[SIG_LINE_BYTES];
    if (!next_line(sig, sig_len, &at, &line, &n) || !decode(na, line, n, raw, sizeof raw)) {
        snprintf(why, why_size, "not a minisign signature (a bad signature line)");
        return false;
    }
    bool prehashed = raw[0] == 'E' && raw[1] == 'D';
    if (!prehashed && !(raw[0] == 'E' && raw[1] == 'd')) {
        snprintf(why, why_size, "unknown signature algorithm '%c%c'",
                 raw[0] >= 0x20 && raw[0] < 0x7f ? raw[0] : '?',
                 raw[1] >= 0x20 && raw[1] < 0x7f ? raw[1] : '?');
        return false;
    }
    if (memcmp(raw + 2, key->id, sizeof key->id) != 0) {
        snprintf(why, why_size, "the signature was made with another key");
        return false;
    }
    const unsigned char *signature = raw + 10;
    /* 3: trusted comment */
    static const char tc[] = "trusted comment: ";
    const char *trusted;
    size_t trusted_len;
    if (!next_line(sig, sig_len, &at, &trusted, &trusted_len) ||
        !starts_with(trusted, trusted_len, tc)) {
        snprintf(why, why_size, "not a minisign signature (no 'trusted comment:' line)");
        return false;
    }
    trusted += sizeof tc - 1;
    trusted_len -= sizeof tc - 1;
    if (trusted_len > MAX_COMMENT) {
        snprintf(why, why_size, "the trusted comment is too long");
        return false;
    }
    /* 4: global signature */
    unsigned char global[SIG_BYTES];
    if (!next_line(sig, sig_len, &at, &line, &n) || !decode(na, line, n, global, sizeof global)) {
        snprintf(why, why_size, "not a minisign signature (a bad global signature line)");
        return false;
    }
    int ok;
    if (prehashed) {
        unsigned char hash[crypto_generichash_BYTES_MAX];
        na->generichash(hash, sizeof hash, msg, msg_len, NULL, 0);
        ok = na->sign_verify_detached(signature, hash, sizeof hash, key->key);
    } else {
        ok = na->sign_verify_detached(signature, msg, msg_len, key->key);
    }
    if (ok != 0) {
        snprintf(why, why_size, "the signature does not match the file");
        return false;
    }
    unsigned char signed_comment[SIG_BYTES + MAX_COMMENT];
    memcpy(signed_comment, signature, SIG_BYTES);
    memcpy(signed_comment + SIG_BYTES, trusted, trusted_len);
    if (na->sign_verify_detached(global, signed_comment, SIG_BYTES + trusted_len,
                                    key->key) != 0) {
        snprintf(why, why_size, "the trusted comment does not match its signature");
        return false;
    }
    if (comment != NULL && comment_size > 0)
        snprintf(comment, comment_size, "%.*s", (int)trusted_len, trusted);
    return true;
}
