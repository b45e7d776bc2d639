/* Writing the SVG world map (see svg_map.h). The verdicts come from the
 * core; this file only decides how they look. Layout, in the map's own
 * units (2000 wide): the title block, the map, then the legend and the
 * source lines under it. */
#include "svg_map.h"

#include "../writer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The styles: one a verdict (indexed by wc_verdict_kind), then a country
 * the dataset lacks, then a territory that an obliged* verdict reaches
 * through its state (French Guiana through France): drawn apart, so that
 * the obliged fill counts States Parties exactly. */
#define SVG_MAP_KINDS (WC_V_NO_WARRANT + 1)
enum { NO_DATA = SVG_MAP_KINDS, TERRITORY, N_STYLES };

/* What a map is drawn for besides its person. */
typedef struct map_ctx {
    const wc_dataset *ds;
    wc_date date;
} map_ctx;

/* How many countries of the map have each style. */
typedef struct map_counts {
    size_t styles[N_STYLES];
} map_counts;

/* The map's band starts this far down, under the title. */
#define TOP 140
/* A legend row's height and its colour swatch's side. */
#define ROW 40
#define SWATCH 28
/* Source lines under the legend. */
#define FOOT_LINE 30
#define N_FOOT_LINES 3
/* Markers of small states: radius and outline width. */
#define MARKER_R 7
#define MARKER_STROKE 1.6

/* A style: the class, fill and legend text of a verdict, or of a country
 * the dataset does not know (NO_DATA). */
typedef struct style {
    const char *word; /* also the element's class */
    const char *fill;
    const char *meaning;
    bool always_in_legend;
} style;

/* Indexed by wc_verdict_kind, then NO_DATA. The obliged* verdicts share
 * blues (art. 127(2) and Security Council duties one lighter shade), the
 * others are warm or grey: readable in print and by the colour-blind. */
static const style STYLES[N_STYLES] = {
    [WC_V_IN_CUSTODY] = {"in-custody", "#bdbdbd", "the person is in the Court's custody", false},
    [WC_V_OBLIGED] = {"obliged", "#2166ac", "a State Party to the Rome Statute", true},
    [WC_V_OBLIGED_RESIDUAL] = {"obliged-residual", "#92c5de",
                               "has left the Statute, but the warrant came first (art. 127(2))",
                               true},
    [WC_V_OBLIGED_UNSC] = {"obliged-unsc", "#92c5de",
                           "bound by a UN Security Council referral", true},
    [WC_V_NOT_OBLIGED] = {"not-obliged", "#f4a582", "neither a State Party nor bound otherwise", true},
    [WC_V_NO_WARRANT] = {"no-warrant", "#bdbdbd", "no warrant in force on the date", false},
    [NO_DATA] = {"no-data", "#e6e6e6", "not in the dataset", false},
    [TERRITORY] = {"obliged-territory", "#4393c3",
                   "a territory where its State Party's duty applies", false},
};

/* The legend's order: what can be arrested first. */
static const int LEGEND_ORDER[N_STYLES] = {WC_V_OBLIGED,     TERRITORY, WC_V_OBLIGED_RESIDUAL,
                                           WC_V_OBLIGED_UNSC, WC_V_NOT_OBLIGED,
                                           WC_V_NO_WARRANT,  WC_V_IN_CUSTODY,
                                           NO_DATA};

/* The style of one country of the map, and the name to show: the
 * dataset's, or the map's own for a country the dataset lacks. */
static int country_style(const map_ctx *c, const wcr_map_country *mc,
                         const int *styles, const char **name, size_t *name_len)
{
    const wc_country *country = wc_country_by_iso2(c->ds, mc->iso2);
    if (country == NULL) {
        *name = mc->name;
        *name_len = mc->name_len;
        return NO_DATA;
    }
    *name = country->name;
    *name_len = SIZE_MAX;
    return styles[country - c->ds->countries];
}

/* The hover text of a country: "MT Malta: obliged". */
static void write_title(const wcr_writer *out, const wcr_map_country *mc, const char *name,
                        size_t name_len, int s)
{
    wcr_printf(out, "<title>%s ", mc->iso2);
    wcr_write_xml(out, name, name_len);
    wcr_printf(out, ": %s</title>", STYLES[s].word);
}

/* Every country's shape, then every small state's marker above them all,
 * so that no shape hides a marker. */
static void write_countries(const wcr_writer *out, const map_ctx *c, const wcr_world_map *map,
                            const int *styles)
{
    wcr_printf(out, "<g id=\"map\" transform=\"translate(0 %d)\">\n", TOP);
    wcr_printf(out, "<path id=\"globe\" fill=\"#e4eef6\" stroke=\"#9fb7c9\" d=\"%.*s\"/>\n",
            (int)map->outline_len, map->outline);
    wcr_puts(out, "<g id=\"countries\" stroke=\"#ffffff\" stroke-width=\"0.8\" "
          "stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n");
    for (size_t i = 0; i < map->n_countries; i++) {
        const wcr_map_country *mc = &map->countries[i];
        if (mc->path == NULL)
            continue;
        const char *name;
        size_t name_len;
        int s = country_style(c, mc, styles, &name, &name_len);
        wcr_printf(out, "<path id=\"%s\" class=\"country %s\" fill=\"%s\" d=\"%.*s\">", mc->iso2,
                STYLES[s].word, STYLES[s].fill, (int)mc->path_len, mc->path);
        write_title(out, mc, name, name_len, s);
        wcr_puts(out, "</path>\n");
    }
    wcr_puts(out, "</g>\n");
    wcr_printf(out, "<g id=\"markers\" stroke=\"#333333\" stroke-width=\"%.1f\">\n", MARKER_STROKE);
    for (size_t i = 0; i < map->n_countries; i++) {
        const wcr_map_country *mc = &map->countries[i];
        if (!mc->has_marker)
            continue;
        const char *name;
        size_t name_len;
        int s = country_style(c, mc, styles, &name, &name_len);
        wcr_printf(out,
                "<circle id=\"marker-%s\" class=\"marker %s\" fill=\"%s\" cx=\"%ld\" cy=\"%ld\" "
                "r=\"%d\">",
                mc->iso2, STYLES[s].word, STYLES[s].fill, mc->marker_x, mc->marker_y, MARKER_R);
        write_title(out, mc, name, name_len, s);
        wcr_puts(out, "</circle>\n");
    }
    wcr_puts(out, "</g>\n</g>\n");
}

/* The legend rows shown: the main verdicts always, the others when some
 * country has them. */
static bool in_legend(int s, const map_counts *n)
{
    return STYLES[s].always_in_legend || n->styles[s] > 0;
}

/* The legend, one row a verdict with its count; returns the y under it. */
static long write_legend(const wcr_writer *out, long y, const map_counts *n)
{
    wcr_printf(out, "<g id=\"legend\" font-size=\"24\">\n");
    for (size_t i = 0; i < N_STYLES; i++) {
        int s = LEGEND_ORDER[i];
        if (!in_legend(s, n))
            continue;
        size_t count = n->styles[s];
        wcr_printf(out,
                "<g id=\"legend-%s\" data-count=\"%zu\"><rect x=\"40\" y=\"%ld\" width=\"%d\" "
                "height=\"%d\" fill=\"%s\" stroke=\"#555555\"/><text x=\"%d\" y=\"%ld\">"
                "<tspan font-weight=\"bold\">%zu</tspan> %s — %s</text></g>\n",
                STYLES[s].word, count, y, SWATCH, SWATCH, STYLES[s].fill, 40 + SWATCH + 14,
                y + SWATCH - 6, count, STYLES[s].word, STYLES[s].meaning);
        y += ROW;
    }
    wcr_puts(out, "</g>\n");
    return y;
}

/* The dataset's date, where the facts come from, and what the map is not. */
static void write_sources(const wcr_writer *out, const map_ctx *c, long y)
{
    char asof[WC_DATE_BUFSIZE];
    wcr_printf(out, "<g id=\"sources\" font-size=\"19\" fill=\"#444444\">\n");
    wcr_printf(out,
            "<text x=\"40\" y=\"%ld\">Data: warrantcheck %s, dataset as of %s. Sources: the "
            "UN Secretary-General as treaty depositary, the International Criminal Court, UN "
            "Security Council resolutions.</text>\n",
            y, wc_version(), wc_date_format(c->ds->as_of, asof));
    wcr_printf(out,
            "<text x=\"40\" y=\"%ld\">Boundaries: Natural Earth 1:110m (public domain); Equal "
            "Earth projection; circles mark small states. Lines and names imply no view on any "
            "territory's status.</text>\n",
            y + FOOT_LINE);
    wcr_printf(out,
            "<text x=\"40\" y=\"%ld\">Not legal advice: the verdicts say what the sources say; "
            "a court decides. Each country: 'warrantcheck can PERSON COUNTRY'.</text>\n",
            y + 2 * FOOT_LINE);
    wcr_puts(out, "</g>\n");
}

/* Computes the verdict of every country of the dataset. Returns a malloc'd
 * array the caller frees, or NULL if memory ran out. */
static int *all_styles(const map_ctx *c, const wc_person *person, map_counts *n)
{
    int *styles = malloc((c->ds->n_countries + 1) * sizeof *styles);
    if (styles == NULL)
        return NULL;
    for (size_t i = 0; i < c->ds->n_countries; i++) {
        wc_verdict v;
        if (!wc_verdict_for_person(c->ds, person, &c->ds->countries[i], c->date, &v)) {
            free(styles);
            return NULL;
        }
        bool through = !wc_country_is_state(&c->ds->countries[i]) && wc_verdict_can_arrest(v.kind);
        styles[i] = through ? TERRITORY : (int)v.kind;
        n->styles[styles[i]]++;
        wc_verdict_free(&v);
    }
    return styles;
}

bool wcr_svg_map_write(const wcr_writer *to, const wc_dataset *ds, wc_date date_on,
                       const wc_person *person, const wcr_world_map *map)
{
    const map_ctx ctx = {ds, date_on}, *c = &ctx;
    map_counts n = {0};
    int *styles = all_styles(c, person, &n);
    if (styles == NULL)
        return false;
    for (size_t i = 0; i < map->n_countries; i++)
        if (wc_country_by_iso2(c->ds, map->countries[i].iso2) == NULL)
            n.styles[NO_DATA]++;
    size_t rows = 0;
    for (int s = 0; s < N_STYLES; s++)
        rows += in_legend(s, &n);
    long legend_y = TOP + map->height + 30;
    long height = legend_y + (long)rows * ROW + 20 + N_FOOT_LINES * FOOT_LINE;

    char date[WC_DATE_BUFSIZE];
    wc_date_format(c->date, date);
    /* One check at the end for every write (a memory writer can fail). */
    wcr_checked checked;
    wcr_writer w = wcr_writer_checked(&checked, to);
    const wcr_writer *out = &w;
    wcr_printf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 %ld %ld\" "
            "width=\"%ld\" height=\"%ld\" "
            "font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n",
            map->width, height, map->width / 2, height / 2);
    wcr_puts(out, "<title>Where ");
    wcr_write_xml(out, person->name, SIZE_MAX);
    wcr_printf(out, " can be arrested, %s</title>\n", date);
    wcr_puts(out, "<desc>Each country filled by its duty to arrest ");
    wcr_write_xml(out, person->name, SIZE_MAX);
    wcr_printf(out,
            " under an arrest warrant of the International Criminal Court on %s, as computed "
            "by warrantcheck.</desc>\n",
            date);
    wcr_printf(out, "<rect width=\"%ld\" height=\"%ld\" fill=\"#ffffff\"/>\n", map->width, height);
    wcr_puts(out, "<text x=\"40\" y=\"62\" font-size=\"46\" font-weight=\"bold\" fill=\"#222222\">"
          "Where ");
    wcr_write_xml(out, person->name, SIZE_MAX);
    wcr_printf(out, " can be arrested, %s</text>\n", date);
    /* With no country obliged, the subtitle says why, if the person's
     * state (custody, death, no warrant yet) is the reason. */
    wcr_buffer why = {0};
    if (n.styles[WC_V_OBLIGED] + n.styles[WC_V_OBLIGED_RESIDUAL] + n.styles[WC_V_OBLIGED_UNSC] +
                n.styles[TERRITORY] ==
            0 &&
        c->ds->n_countries > 0) {
        wc_verdict v;
        if (wc_verdict_for_person(c->ds, person, &c->ds->countries[0], c->date, &v)) {
            wcr_writer bw = wcr_writer_buffer(&why);
            if (v.kind == WC_V_NO_WARRANT || v.kind == WC_V_IN_CUSTODY)
                wcr_reason_text(&bw, c->date, person, &v);
            wc_verdict_free(&v);
        } else {
            checked.failed = true;
        }
    }
    if (why.len > 0 && !why.failed) {
        if (why.data[0] >= 'a' && why.data[0] <= 'z')
            why.data[0] = (char)(why.data[0] - 'a' + 'A');
        wcr_puts(out, "<text x=\"40\" y=\"106\" font-size=\"25\" fill=\"#444444\">");
        wcr_write_xml(out, why.data, SIZE_MAX);
        wcr_puts(out, ", so no country is asked to make an arrest</text>\n");
    } else {
        wcr_printf(out,
                "<text x=\"40\" y=\"106\" font-size=\"25\" fill=\"#444444\">Each country's "
                "duty to arrest under an arrest warrant of the International Criminal Court on "
                "%s</text>\n",
                date);
    }
    checked.failed |= why.failed;
    wcr_buffer_free(&why);
    write_countries(out, c, map, styles);
    long y = write_legend(out, legend_y, &n);
    write_sources(out, c, y + 20);
    wcr_puts(out, "</svg>\n");
    free(styles);
    return !checked.failed;
}
