# fish completion for warrantcheck.
# Use: save as ~/.config/fish/completions/warrantcheck.fish
#
# It holds no list of its own: it asks the program, as you type, with
# `warrantcheck __complete WORD...` (the words so far, the last the one being
# completed), which prints the candidates one a line from its option tables
# and the dataset in use, or exits 1 when the word is a file name.

function __warrantcheck_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct | string unescape)
    set -l out ($words[1] __complete $words[2..-1] "$cur" 2>/dev/null)
    set -l st $status
    if test $st = 1
        __fish_complete_path "$cur"
    else if test $st = 0
        printf '%s\n' $out
    end
end

complete -c warrantcheck -f -a '(__warrantcheck_complete)'
