/* `data diff OLD [NEW]`: what changed between two datasets, fact by fact
 * (issue 13). The core computes the change list (wc_dataset_diff); this
 * loads the two and prints it. Exit 0 if equal, 1 if they differ. */
#include "data_ops.h"

#include "dataset_id.h"
#include "diag.h"
#include "fields.h"
#include "table.h"

#include <warrantcheck/history.h>

static const char *const CHANGE_COLUMNS[] = {"area", "change", "key", "field",
                                             "before", "after", NULL};

/* One change a line, "AREA KEY: FIELD changed: BEFORE -> AFTER"; on a
 * terminal wrapped to its width, the further lines indented by 4. */
static bool print_text(const cli *c, const wc_change_list *l)
{
    wcr_opts o = cli_render_opts(c);
    bool ok = true;
    for (size_t i = 0; i < l->count && ok; i++) {
        const wc_change *ch = &l->items[i];
        wcr_buffer b = {0};
        wcr_writer w = wcr_writer_buffer(&b);
        ok = wcr_printf(&w, "%s %s: ", wc_change_area_word(ch->area), ch->key) &&
             (ch->field == NULL || wcr_printf(&w, "%s ", ch->field)) &&
             wcr_puts(&w, wc_change_kind_word(ch->kind));
        if (ok && ch->kind == WC_CHANGED)
            ok = wcr_printf(&w, ": %s -> %s", ch->before ? ch->before : "(none)",
                            ch->after ? ch->after : "(none)");
        else if (ok && (ch->after != NULL || ch->before != NULL))
            ok = wcr_printf(&w, ": %s", ch->after ? ch->after : ch->before);
        ok = ok && !b.failed && wcr_wrap_text(&c->writer, &o, "", 4, b.data ? b.data : "", NULL);
        wcr_buffer_free(&b);
    }
    return ok;
}

static cJSON *change_row(const wc_change *ch)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o != NULL && wcr_json_add_string(o, "area", wc_change_area_word(ch->area)) &&
              wcr_json_add_string(o, "change", wc_change_kind_word(ch->kind)) &&
              wcr_json_add_string(o, "key", ch->key) &&
              wcr_json_add_string(o, "field", ch->field) &&
              wcr_json_add_string(o, "before", ch->before) &&
              wcr_json_add_string(o, "after", ch->after);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int data_diff(cli *c, int argc, char **argv)
{
    wc_dataset *old = data_load_file(argv[1], NULL);
    if (old == NULL)
        return EXIT_DATASET;
    wc_dataset *loaded = argc == 3 ? data_load_file(argv[2], NULL) : NULL;
    if (argc == 3 && loaded == NULL) {
        wc_dataset_free(old);
        return EXIT_DATASET;
    }
    const wc_dataset *new_ = loaded != NULL ? loaded : c->ds;
    /* Its JSON rows name the NEW dataset as theirs. */
    cli d = *c;
    d.ds = new_;
    wc_change_list changes;
    bool ok = wc_dataset_diff(old, new_, &changes);
    int status = EXIT_DATASET;
    if (ok) {
        status = changes.count > 0 ? EXIT_NO : EXIT_YES;
        if (c->quiet) {
            /* the exit status alone */
        } else if (c->format == FORMAT_TEXT) {
            ok = print_text(c, &changes);
        } else {
            wcr_table t;
            cli_table_begin(&t, &d, CHANGE_COLUMNS);
            for (size_t i = 0; i < changes.count; i++)
                wcr_table_row(&t, change_row(&changes.items[i]));
            ok = wcr_table_end(&t);
        }
        wc_change_list_free(&changes);
    }
    if (!ok)
        status = diag_out_of_memory();
    wc_dataset_free(loaded);
    wc_dataset_free(old);
    return status;
}
